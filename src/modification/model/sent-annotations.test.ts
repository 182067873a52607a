import { describe, expect, it } from 'vitest';

import { rememberSentAnnotation, sentAnnotation } from './sent-annotations';

describe('sent annotations', () => {
  it('keeps the annotation of each batch this tab created', () => {
    rememberSentAnnotation('batch-1', 'Ticket 42');
    rememberSentAnnotation('batch-2', 'Ticket 43');
    rememberSentAnnotation('batch-1', 'Ticket 42, again');

    expect(sentAnnotation('batch-1')).toBe('Ticket 42, again');
    expect(sentAnnotation('batch-2')).toBe('Ticket 43');
    expect(sentAnnotation('batch-3')).toBeNull();
  });

  it('forgets the oldest beyond fifty', () => {
    for (let index = 0; index <= 50; index++) {
      rememberSentAnnotation(`batch-${String(index)}`, 'why');
    }

    expect(sentAnnotation('batch-0')).toBeNull();
    expect(sentAnnotation('batch-50')).toBe('why');
  });
});
