/** A failure the case reports; `problems` lists every finding when there are several. */
export class CaseFailure extends Error {
  readonly problems: string[];

  constructor(message: string, problems: string[] = [message]) {
    super(message);
    this.name = 'CaseFailure';
    this.problems = problems;
  }
}

/** One line, at most `max` characters. */
export function truncate(text: string, max: number): string {
  const oneLine = text.replace(/\s*\n\s*/g, ' ');
  return oneLine.length > max ? `${oneLine.slice(0, max)}...` : oneLine;
}

/** A value as a failure message shows it. */
export function fmt(value: unknown): string {
  return value === undefined ? 'nothing' : truncate(JSON.stringify(value), 200);
}

export function summarizeProblems(problems: string[]): string {
  const [first = 'unknown problem'] = problems;
  return problems.length > 1 ? `${first} (+${problems.length - 1} more)` : first;
}

/** What a thrown value says: its message, with the class name when it is not a plain failure. */
export function reasonOf(error: unknown): string {
  if (error instanceof CaseFailure || (error instanceof Error && error.name === 'Error')) {
    return error.message;
  }
  if (error instanceof Error) {
    return `${error.name}: ${error.message}`;
  }
  return `Error: ${String(error)}`;
}
