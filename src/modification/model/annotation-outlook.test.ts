import { describe, expect, it } from 'vitest';

import type { HistoryLevelFinding } from '../../api/history-level';
import { annotationOutlook, AUTHENTICATION_OFF_REASON } from './annotation-outlook';

const FULL: HistoryLevelFinding = { kind: 'detected', level: 'full', evidence: 'Entries exist.' };
const AUDIT: HistoryLevelFinding = { kind: 'detected', level: 'audit', evidence: 'No updates.' };
const UNKNOWN: HistoryLevelFinding = { kind: 'unknown', reason: 'Nothing yet.' };

describe('annotationOutlook', () => {
  it('expects the annotation in the log with authentication on at level full', () => {
    expect(annotationOutlook('on', FULL)).toEqual({ kind: 'recorded' });
  });

  it('says it is lost when the engine checks no credentials, even at level full', () => {
    expect(annotationOutlook('off', FULL)).toEqual({
      kind: 'not-recorded',
      reasons: [AUTHENTICATION_OFF_REASON],
    });
  });

  it('says it is lost below level full, with the evidence', () => {
    expect(annotationOutlook('on', AUDIT)).toEqual({
      kind: 'not-recorded',
      reasons: [
        'The engine runs at history level audit, and Camunda writes the user operation log only at level full. No updates.',
      ],
    });
  });

  it('gives every reason it is lost', () => {
    const outlook = annotationOutlook('off', AUDIT);

    expect(outlook.kind === 'not-recorded' && outlook.reasons).toHaveLength(2);
  });

  it('says a loss as soon as one reason is known, before the rest is read', () => {
    expect(annotationOutlook('off', { kind: 'pending' }).kind).toBe('not-recorded');
    expect(annotationOutlook('pending', AUDIT).kind).toBe('not-recorded');
  });

  it('waits while a probe that could decide it is still out', () => {
    expect(annotationOutlook('pending', FULL)).toEqual({ kind: 'pending' });
    expect(annotationOutlook('on', { kind: 'pending' })).toEqual({ kind: 'pending' });
  });

  it('does not promise the log when the level or the authentication is not known', () => {
    expect(annotationOutlook('on', UNKNOWN)).toEqual({
      kind: 'unconfirmed',
      reasons: [
        "The console cannot tell the engine's history level, and Camunda writes the user operation log only at level full. Nothing yet.",
      ],
    });
    expect(annotationOutlook('unknown', FULL).kind).toBe('unconfirmed');
  });
});
