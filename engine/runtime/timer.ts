/**
 * ISO 8601 timer definitions as Camunda accepts them in timeDuration, timeDate and timeCycle
 * (https://docs.camunda.org/manual/7.24/reference/bpmn20/events/timer-events/).
 */
import { ProcessEngineException } from '../errors';

const DURATION =
  /^(-)?P(?:(\d+(?:[.,]\d+)?)Y)?(?:(\d+(?:[.,]\d+)?)M)?(?:(\d+(?:[.,]\d+)?)W)?(?:(\d+(?:[.,]\d+)?)D)?(?:T(?:(\d+(?:[.,]\d+)?)H)?(?:(\d+(?:[.,]\d+)?)M)?(?:(\d+(?:[.,]\d+)?)S)?)?$/;

/** Adds an ISO 8601 duration (`PT5M`, `P1DT2H`) to `from`, calendar-aware for years and months. */
export function addDuration(from: number, text: string): number {
  const match = DURATION.exec(text.trim());
  if (!match || text.trim() === 'P' || text.trim().endsWith('T')) {
    throw new ProcessEngineException(`Invalid duration '${text}': expected ISO 8601, e.g. PT5M`);
  }
  const num = (i: number): number => Number((match[i] ?? '0').replace(',', '.'));
  const sign = match[1] ? -1 : 1;
  const date = new Date(from);
  date.setUTCFullYear(date.getUTCFullYear() + sign * num(2));
  date.setUTCMonth(date.getUTCMonth() + sign * num(3));
  const millis =
    ((num(4) * 7 + num(5)) * 86_400 + num(6) * 3_600 + num(7) * 60 + num(8)) * 1000 * sign;
  return date.getTime() + millis;
}

/** Parses an ISO 8601 date-time; one without an offset is taken as UTC. */
export function parseDate(text: string): number {
  const trimmed = text.trim();
  const hasZone = /(?:Z|[+-]\d{2}:?\d{2})$/.test(trimmed);
  const normalised = trimmed.replace(/([+-]\d{2})(\d{2})$/, '$1:$2');
  const time = Date.parse(hasZone ? normalised : `${normalised}Z`);
  if (Number.isNaN(time)) {
    throw new ProcessEngineException(`Invalid date '${text}': expected ISO 8601`);
  }
  return time;
}

export interface CycleStep {
  dueDate: number;
  /** The cycle to schedule after this one fires, or null when this was the last repetition. */
  next: string | null;
}

/** `R3/PT10M` or `R/PT1H` (unbounded); a start date (`R3/2026-01-01T00:00/PT1H`) is honoured. */
export function nextCycle(from: number, cycle: string): CycleStep {
  const parts = cycle.trim().split('/');
  const repeat = parts[0];
  if (!repeat?.startsWith('R')) {
    throw new ProcessEngineException(
      `Invalid timer cycle '${cycle}': only ISO 8601 repeating intervals (R3/PT10M) are supported, not cron`,
    );
  }
  const count = repeat.length > 1 ? Number(repeat.slice(1)) : Number.POSITIVE_INFINITY;
  const duration = parts[parts.length - 1] ?? '';
  const start = parts.length === 3 && parts[1] ? parseDate(parts[1]) : from;
  const dueDate = addDuration(Math.max(start, from), duration);
  const remaining = count - 1;
  const next =
    remaining > 0 ? `R${Number.isFinite(remaining) ? String(remaining) : ''}/${duration}` : null;
  return { dueDate, next };
}
