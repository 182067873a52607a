import { Toggletip, ToggletipButton, ToggletipContent } from '@carbon/react';
import { useQuery } from '@tanstack/react-query';

import { engineCapabilityQueries } from '../../api/engine-capabilities';
import {
  AUTHENTICATION_OFF_CONSEQUENCES,
  AUTHENTICATION_OFF_TITLE,
} from './authentication-off-message';
import { StaticTag } from '../../components/static-tag';

/**
 * A tag in the header, on every page, while the engine checks no credentials: whoever signed in
 * how, nothing the console does there is tied to a user.
 */
export function AuthenticationOffTag() {
  const authentication = useQuery(engineCapabilityQueries.authentication());
  if (authentication.data !== 'off') {
    return null;
  }
  return (
    <Toggletip align="bottom-end">
      <ToggletipButton label="Authentication off: what this means">
        <StaticTag type="red">Authentication off</StaticTag>
      </ToggletipButton>
      <ToggletipContent>
        <p>
          <strong>{AUTHENTICATION_OFF_TITLE}.</strong> {AUTHENTICATION_OFF_CONSEQUENCES}
        </p>
      </ToggletipContent>
    </Toggletip>
  );
}
