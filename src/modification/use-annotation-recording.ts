import { useQueries, useQuery } from '@tanstack/react-query';
import { useState } from 'react';

import { engineCapabilityQueries } from '../api/engine-capabilities';
import { detectHistoryLevel, HISTORY_COUNT_NAMES } from '../api/history-level';
import type { HistoryCounts } from '../api/history-level';
import { operationLogReadbackQueries } from './api/operation-log-readback-queries';
import { annotationOutlook } from './model/annotation-outlook';
import type { AnnotationOutlook, AuthenticationFinding } from './model/annotation-outlook';
import type { OperationLogBaseline, OperationLogScope } from './model/operation-log-readback';

/** What the console reads back after a modification was applied directly. */
export interface OperationLogReadbackRequest {
  scope: OperationLogScope;
  /** The log before sending; null when it could not be read in time. */
  baseline: OperationLogBaseline | null;
  /** The annotation as sent. */
  annotation: string;
  /** What the dialog said before sending, to explain an entry that is missing. */
  outlook: AnnotationOutlook;
}

export interface AnnotationRecording {
  outlook: AnnotationOutlook;
  /** The annotation will not be recorded and would be lost unless the operator keeps it. */
  needsAcknowledgement: boolean;
  acknowledged: boolean;
  onAcknowledgedChange: (acknowledged: boolean) => void;
  /** Sending waits for the acknowledgement. */
  blocksSending: boolean;
  /** The annotation field's helper text: it promises the log only when the log is sure. */
  helperText: string;
  /** Taken when sending: what the read-back needs. */
  toReadbackRequest: (annotation: string) => OperationLogReadbackRequest;
}

interface AnnotationRecordingOptions {
  /** Whose log entries the modification writes. */
  scope: OperationLogScope;
  /** The annotation as typed. */
  annotation: string;
  annotationRequired: boolean;
}

/**
 * What a review dialog needs to tell the truth about its annotation: whether the engine will
 * record it (authentication probe, history level), the operator's acknowledgement when it will
 * not, and the log's state before sending, so the entry can be read back afterwards.
 */
export function useAnnotationRecording({
  scope,
  annotation,
  annotationRequired,
}: AnnotationRecordingOptions): AnnotationRecording {
  const authentication = useQuery(engineCapabilityQueries.authentication());
  const history = useQueries({
    queries: HISTORY_COUNT_NAMES.map((name) => engineCapabilityQueries.historyCount(name)),
    combine: (results) =>
      detectHistoryLevel(
        Object.fromEntries(
          HISTORY_COUNT_NAMES.map((name, position) => {
            const result = results[position];
            return [name, result?.status === 'error' ? null : result?.data];
          }),
        ) as HistoryCounts,
      ),
  });
  const baseline = useQuery(operationLogReadbackQueries.baseline(scope));
  const [acknowledged, setAcknowledged] = useState(false);

  const outlook = annotationOutlook(toAuthenticationFinding(authentication), history);
  const needsAcknowledgement =
    outlook.kind === 'not-recorded' && (annotationRequired || annotation.trim() !== '');
  return {
    outlook,
    needsAcknowledgement,
    acknowledged,
    onAcknowledgedChange: setAcknowledged,
    blocksSending: needsAcknowledgement && !acknowledged,
    helperText:
      outlook.kind === 'recorded'
        ? "Why this repair? It is stored with the operation in Camunda's user operation log."
        : 'Why this repair? Whether the operation log keeps it is said below.',
    toReadbackRequest: (sent) => ({
      scope,
      baseline: baseline.data ?? null,
      annotation: sent,
      outlook,
    }),
  };
}

function toAuthenticationFinding(query: {
  status: 'pending' | 'error' | 'success';
  data: 'on' | 'off' | undefined;
}): AuthenticationFinding {
  if (query.status === 'pending') {
    return 'pending';
  }
  return query.data ?? 'unknown';
}
