import { Content, Header, HeaderGlobalAction, HeaderGlobalBar, HeaderName } from '@carbon/react';
import { Logout } from '@carbon/react/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Outlet, useNavigate } from '@tanstack/react-router';

import { clearCredentials } from '../../api/credentials';
import { EngineSwitcher } from '../../features/engines/engine-switcher';

/** The shell of every page that needs a signed-in user. */
export function AuthenticatedLayout() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();

  const handleSignOut = () => {
    clearCredentials();
    queryClient.clear();
    void navigate({ to: '/sign-in' });
  };

  return (
    <>
      <Header aria-label="Camunda Repair Console">
        <HeaderName href="/process-definitions" prefix="Camunda">
          Repair Console
        </HeaderName>
        <HeaderGlobalBar>
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
