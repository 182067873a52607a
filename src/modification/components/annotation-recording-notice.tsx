import './annotation-recording.scss';

import { Button, Checkbox, InlineLoading, InlineNotification } from '@carbon/react';
import { useId } from 'react';

import type { AnnotationRecording } from '../use-annotation-recording';
import { useCopyToClipboard } from '../use-copy-to-clipboard';

export interface AnnotationRecordingNoticeProps {
  recording: AnnotationRecording;
  /** The annotation as typed, for "Copy the annotation". */
  annotation: string;
}

/**
 * Says before sending whether the annotation will be recorded, and why not. When it will not, an
 * annotation the operator wrote is not lost without a word: it can be copied, and sending waits
 * until the operator confirms having kept it.
 */
export function AnnotationRecordingNotice({
  recording,
  annotation,
}: AnnotationRecordingNoticeProps) {
  const checkboxId = useId();
  const { copied, copy } = useCopyToClipboard();
  const { outlook } = recording;

  if (outlook.kind === 'pending') {
    return <InlineLoading description="Checking whether the engine records annotations…" />;
  }
  if (outlook.kind === 'recorded') {
    return null;
  }
  const notRecorded = outlook.kind === 'not-recorded';
  return (
    <div className="annotation-recording-notice">
      <InlineNotification
        kind="warning"
        lowContrast
        hideCloseButton
        title={
          notRecorded
            ? 'This annotation will not be recorded'
            : 'The console cannot confirm that this annotation will be recorded'
        }
        subtitle={[
          ...outlook.reasons,
          'After applying, the console reads the operation log and says what it finds.',
        ].join(' ')}
      />
      {notRecorded && (
        <div className="modification-workspace__buttons">
          <Button
            kind="ghost"
            size="sm"
            disabled={annotation.trim() === ''}
            onClick={() => {
              copy('The annotation', annotation);
            }}
          >
            Copy the annotation
          </Button>
          <p role="status" className="modification-workspace__hint">
            {copied}
          </p>
        </div>
      )}
      {recording.needsAcknowledgement && (
        <Checkbox
          id={checkboxId}
          labelText="I have kept the annotation elsewhere: apply without it in the operation log"
          checked={recording.acknowledged}
          onChange={(_event, { checked }) => {
            recording.onAcknowledgedChange(checked);
          }}
        />
      )}
    </div>
  );
}
