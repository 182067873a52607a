import {
  Content,
  Header,
  HeaderGlobalAction,
  HeaderGlobalBar,
  HeaderMenuItem,
  HeaderName,
  HeaderNavigation,
} from '@carbon/react';
import { Logout } from '@carbon/react/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Link, Outlet, useLocation, useNavigate } from '@tanstack/react-router';

import { signOut } from '../../api/console-session';
import { AuthenticationOffTag } from '../../features/authentication/authentication-off-tag';
import { EngineSwitcher } from '../../features/engines/engine-switcher';
import { InMemoryEngineTag } from '../../features/engines/in-memory-engine-notice';

/** The shell of every page that needs a signed-in user. */
export function AuthenticatedLayout() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const pathname = useLocation({ select: (location) => location.pathname });
  const isSection = (path: string) => pathname === path || pathname.startsWith(`${path}/`);

  // Signed out in this tab at once; the server ends the session for the other tabs.
  const handleSignOut = () => {
    void signOut()
      .catch(() => undefined)
      .finally(() => {
        queryClient.clear();
        void navigate({ to: '/sign-in' });
      });
  };

  return (
    <>
      <Header aria-label="Camunda Repair Console">
        <HeaderName href="/process-definitions" prefix="Camunda">
          Repair Console
        </HeaderName>
        <HeaderNavigation aria-label="Camunda Repair Console">
          <HeaderMenuItem
            as={Link}
            to="/process-definitions"
            isActive={isSection('/process-definitions') || isSection('/process-instances')}
          >
            Process definitions
          </HeaderMenuItem>
          <HeaderMenuItem as={Link} to="/batches" isActive={isSection('/batches')}>
            Batches
          </HeaderMenuItem>
          <HeaderMenuItem as={Link} to="/operation-log" isActive={isSection('/operation-log')}>
            Operation log
          </HeaderMenuItem>
        </HeaderNavigation>
        <HeaderGlobalBar>
          <div className="app-header__engine">
            <InMemoryEngineTag />
            <AuthenticationOffTag />
          </div>
          <div className="app-header__engine">
            <EngineSwitcher />
          </div>
          <HeaderGlobalAction aria-label="Sign out" tooltipAlignment="end" onClick={handleSignOut}>
            <Logout size={20} />
          </HeaderGlobalAction>
        </HeaderGlobalBar>
      </Header>
      <Content id="main-content">
        <Outlet />
      </Content>
    </>
  );
}
