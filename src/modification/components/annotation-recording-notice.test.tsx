import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { engineCapabilityHandlers } from '../../testing/engine-capability-handlers';
import type { EngineCapabilityFixture } from '../../testing/engine-capability-handlers';
import { server } from '../../testing/msw-server';
import { renderWithProviders } from '../../testing/render-with-providers';
import { useAnnotationRecording } from '../use-annotation-recording';
import { AnnotationRecordingNotice } from './annotation-recording-notice';

const ANNOTATION = 'Ticket OPS-17: stuck at the join';

/** What a review dialog does with the hook: the notice, the helper text, a send button. */
function Harness({ annotationRequired }: { annotationRequired: boolean }) {
  const recording = useAnnotationRecording({
    scope: { processInstanceId: 'pi-1' },
    annotation: ANNOTATION,
    annotationRequired,
  });
  return (
    <>
      <p>{recording.helperText}</p>
      <AnnotationRecordingNotice recording={recording} annotation={ANNOTATION} />
      <button type="button" disabled={recording.blocksSending}>
        Apply
      </button>
    </>
  );
}

function renderNotice(capabilities: EngineCapabilityFixture, annotationRequired = true) {
  server.use(...engineCapabilityHandlers(capabilities));
  return renderWithProviders(<Harness annotationRequired={annotationRequired} />);
}

describe('AnnotationRecordingNotice', () => {
  it('says nothing more where the engine records annotations', async () => {
    renderNotice({ authentication: 'on', counts: { userOperations: 12 } });

    expect(
      await screen.findByText(
        "Why this repair? It is stored with the operation in Camunda's user operation log.",
      ),
    ).toBeVisible();
    expect(screen.queryByText(/will not be recorded|cannot confirm/)).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Apply' })).toBeEnabled();
  });

  it('says the annotation is lost without authentication, and sends only once the operator has kept it', async () => {
    const { user } = renderNotice({ authentication: 'off', counts: { userOperations: 12 } });

    expect(await screen.findByText('This annotation will not be recorded')).toBeVisible();
    expect(
      screen.getByText(/This engine does not check credentials, so no user is authenticated/),
    ).toBeVisible();
    expect(screen.getByRole('button', { name: 'Apply' })).toBeDisabled();

    await user.click(screen.getByRole('button', { name: 'Copy the annotation' }));
    expect(await navigator.clipboard.readText()).toBe(ANNOTATION);
    expect(screen.getByText('The annotation copied to the clipboard.')).toBeVisible();

    await user.click(screen.getByLabelText(/I have kept the annotation elsewhere/));
    expect(screen.getByRole('button', { name: 'Apply' })).toBeEnabled();
  });

  it('says the annotation is lost below history level full, with what shows the level', async () => {
    renderNotice({
      authentication: 'on',
      counts: {
        historicVariableInstances: 3,
        historicProcessInstances: 1,
        runtimeVariableInstances: 3,
      },
    });

    expect(await screen.findByText('This annotation will not be recorded')).toBeVisible();
    expect(
      screen.getByText(
        /runs at history level audit.*3 historic variable instances but no historic variable update/,
      ),
    ).toBeVisible();
    expect(screen.getByRole('button', { name: 'Apply' })).toBeDisabled();
  });

  it('asks for no acknowledgement when an optional annotation is left empty', async () => {
    server.use(...engineCapabilityHandlers({ authentication: 'off' }));
    function EmptyOptional() {
      const recording = useAnnotationRecording({
        scope: { processInstanceId: 'pi-1' },
        annotation: '',
        annotationRequired: false,
      });
      return (
        <>
          <AnnotationRecordingNotice recording={recording} annotation="" />
          <button type="button" disabled={recording.blocksSending}>
            Apply
          </button>
        </>
      );
    }
    renderWithProviders(<EmptyOptional />);

    expect(await screen.findByText('This annotation will not be recorded')).toBeVisible();
    expect(screen.queryByLabelText(/I have kept the annotation elsewhere/)).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Apply' })).toBeEnabled();
  });

  it('does not promise the log when nothing shows the history level yet', async () => {
    renderNotice({
      authentication: 'on',
      counts: { runtimeProcessInstances: 1, historicProcessInstances: 1 },
    });

    expect(
      await screen.findByText('The console cannot confirm that this annotation will be recorded'),
    ).toBeVisible();
    expect(screen.getByText(/After applying, the console reads the operation log/)).toBeVisible();
    expect(screen.getByRole('button', { name: 'Apply' })).toBeEnabled();
  });
});
