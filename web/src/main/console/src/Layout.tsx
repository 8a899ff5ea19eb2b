import { ReactNode } from 'react';
import { Link, useLocation } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import {
  Button,
  Masthead,
  MastheadBrand,
  MastheadContent,
  MastheadLogo,
  MastheadMain,
  Nav,
  NavItem,
  NavList,
  Page,
  PageSidebar,
  PageSidebarBody,
  ToggleGroup,
  ToggleGroupItem,
  Toolbar,
  ToolbarContent,
  ToolbarItem,
} from '@patternfly/react-core';
import { chooseLanguage, Language, LANGUAGES } from './i18n';
import { canReadAudit, useSession } from './session';

const NAV: { to: string; key: string; visible?: (role: 'admin' | 'operator' | 'auditor') => boolean }[] = [
  { to: '/', key: 'nav.overview' },
  { to: '/pairs', key: 'nav.pairs' },
  { to: '/virtual-servers', key: 'nav.virtualServers' },
  { to: '/virtual-clients', key: 'nav.virtualClients' },
  { to: '/certificates', key: 'nav.certificates' },
  { to: '/certificate-watch', key: 'nav.certificateWatch' },
  { to: '/trust-stores', key: 'nav.trustStores' },
  { to: '/audit', key: 'nav.audit', visible: canReadAudit },
  { to: '/users', key: 'nav.users' },
];

export function Layout({ children }: { children: ReactNode }) {
  const { t, i18n } = useTranslation();
  const { session, signOut } = useSession();
  const location = useLocation();
  const active = (to: string) =>
    to === '/' ? location.pathname === '/' : location.pathname === to || location.pathname.startsWith(to + '/');

  const masthead = (
    <Masthead>
      <MastheadMain>
        <MastheadBrand>
          <MastheadLogo component="span" className="zg-brand">
            Zengate
          </MastheadLogo>
        </MastheadBrand>
      </MastheadMain>
      <MastheadContent>
        <Toolbar isFullHeight>
          <ToolbarContent>
            <ToolbarItem>
              <ToggleGroup aria-label={t('layout.language')}>
                {LANGUAGES.map((lng: Language) => (
                  <ToggleGroupItem
                    key={lng}
                    text={lng === 'ja' ? '日本語' : 'English'}
                    buttonId={`language-${lng}`}
                    isSelected={i18n.language === lng}
                    onChange={() => chooseLanguage(lng)}
                  />
                ))}
              </ToggleGroup>
            </ToolbarItem>
            <ToolbarItem>
              <span id="signed-in-as">
                {t('layout.signedInAs', { user: session.username, role: t(`role.${session.role}`) })}
              </span>
            </ToolbarItem>
            <ToolbarItem>
              <Button id="sign-out" variant="secondary" onClick={() => void signOut()}>
                {t('layout.signOut')}
              </Button>
            </ToolbarItem>
          </ToolbarContent>
        </Toolbar>
      </MastheadContent>
    </Masthead>
  );

  const sidebar = (
    <PageSidebar>
      <PageSidebarBody>
        <Nav aria-label={t('layout.navigation')}>
          <NavList>
            {NAV.filter((n) => !n.visible || n.visible(session.role)).map((n) => (
              <NavItem
                key={n.to}
                isActive={active(n.to)}
                component={(props: object) => <Link {...props} to={n.to} />}
              >
                {t(n.key)}
              </NavItem>
            ))}
          </NavList>
        </Nav>
      </PageSidebarBody>
    </PageSidebar>
  );

  return (
    <Page masthead={masthead} sidebar={sidebar} isManagedSidebar={false} mainContainerId="main">
      {children}
    </Page>
  );
}
