import { InlineNotification, Layer, Tile } from '@carbon/react';
import { getRouteApi } from '@tanstack/react-router';

import { UNAUTHORIZED_MESSAGE } from '../../api/engine-error';
import { SignInForm } from '../../features/authentication/sign-in-form';
import { InMemoryEngineNotice } from '../../features/engines/in-memory-engine-notice';

const signInRouteApi = getRouteApi('/sign-in');
const DEFAULT_PATH = '/process-definitions';
const SESSION_ENDED_MESSAGE =
  'Your session ended: it expired after a while without use, or you signed out in another tab. Sign in again to continue.';

export function SignInPage() {
  const { redirect, signedOut } = signInRouteApi.useSearch();
  const navigate = signInRouteApi.useNavigate();

  const handleSignedIn = () => {
    void navigate({ href: toSafePath(redirect) });
  };

  return (
    <main className="sign-in-page">
      <Tile className="sign-in-page__tile">
        <p className="sign-in-page__product">Camunda Repair Console</p>
        <h1 className="sign-in-page__title">Sign in</h1>
        {signedOut !== undefined && (
          <InlineNotification
            className="sign-in-page__notice"
            kind="info"
            lowContrast
            hideCloseButton
            title="Signed out"
            subtitle={signedOut === 'refused' ? UNAUTHORIZED_MESSAGE : SESSION_ENDED_MESSAGE}
          />
        )}
        <InMemoryEngineNotice className="sign-in-page__notice" />
        {/* The fields sit on the tile, one layer up: Carbon then gives them a contrasting fill. */}
        <Layer>
          <SignInForm onSignedIn={handleSignedIn} />
        </Layer>
      </Tile>
    </main>
  );
}

/** Only same-origin paths: `//host` or an absolute URL in `?redirect=` would leave the console. */
function toSafePath(redirect: string | undefined): string {
  if (redirect === undefined || !redirect.startsWith('/') || redirect.startsWith('//')) {
    return DEFAULT_PATH;
  }
  return redirect;
}
