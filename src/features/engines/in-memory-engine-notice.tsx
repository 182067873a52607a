import { InlineNotification, Toggletip, ToggletipButton, ToggletipContent } from '@carbon/react';
import { useQuery } from '@tanstack/react-query';

import { consoleServerQueries } from '../../api/console-server';
import { StaticTag } from '../../components/static-tag';

const TITLE = 'This engine keeps its state in memory only';
const CONSEQUENCES =
  "It is the console's embedded engine, for rehearsals and demos: stopping or restarting the " +
  'server loses every deployment, process instance, batch and history entry. A modification or ' +
  'batch job is applied whole or not at all, so no instance is ever left half-modified. To repair ' +
  'real instances, start the server with ENGINE_REST_URL set to your Camunda engine.';

function useStateInMemory(): boolean {
  const server = useQuery(consoleServerQueries.current());
  return server.data?.stateInMemory === true;
}

/** A tag in the header, on every page, while the console runs on its in-memory engine. */
export function InMemoryEngineTag() {
  if (!useStateInMemory()) {
    return null;
  }
  return (
    <Toggletip align="bottom-end">
      <ToggletipButton label="In-memory engine: what this means">
        <StaticTag type="purple">In-memory engine</StaticTag>
      </ToggletipButton>
      <ToggletipContent>
        <p>
          <strong>{TITLE}.</strong> {CONSEQUENCES}
        </p>
      </ToggletipContent>
    </Toggletip>
  );
}

/** The same, said on the sign-in page before anything is done. */
export function InMemoryEngineNotice({ className }: { className?: string }) {
  if (!useStateInMemory()) {
    return null;
  }
  return (
    <InlineNotification
      className={className}
      kind="info"
      lowContrast
      hideCloseButton
      title={TITLE}
      subtitle={CONSEQUENCES}
    />
  );
}
