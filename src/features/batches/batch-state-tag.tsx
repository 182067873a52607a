import { Tag } from '@carbon/react';

import type { BatchState } from './batch-progress';

const TAGS = {
  running: { type: 'blue', text: 'Running' },
  suspended: { type: 'gray', text: 'Suspended' },
  stuck: { type: 'red', text: 'Stuck: failed jobs block completion' },
  completing: { type: 'teal', text: 'Completing' },
  finished: { type: 'green', text: 'Finished' },
} as const satisfies Record<BatchState, { type: string; text: string }>;

/** The batch's state as a coloured tag; "stuck" says why instead of showing a silent 100 %. */
export function BatchStateTag({ state }: { state: BatchState }) {
  const { type, text } = TAGS[state];
  return (
    <Tag type={type} size="sm" className="batch-state-tag">
      {text}
    </Tag>
  );
}
