import {
  AppShell,
  Badge,
  Box,
  Burger,
  Button,
  Divider,
  Group,
  NavLink,
  ScrollArea,
  Stack,
  Text,
  VisuallyHidden,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import { Brand } from '../components/Brand.js';
import { ROLE_LABEL } from '../components/labels.js';
import { AccountLanguageSwitch } from '../features/language/AccountLanguageSwitch.js';
import { canManageUsers, canWrite } from '../features/session/permissions.js';
import type { SessionUser } from '../features/session/session-context.js';
import { useLogout } from '../features/session/use-logout.js';
import { useResetClient } from './client-reset.js';

type NavKey = `nav.${string}`;

type NavItem = {
  to: string;
  /** A key of the `common` catalogue. */
  label: NavKey;
  show?: (user: SessionUser) => boolean;
  exact?: boolean;
};
type NavSection = { title: NavKey; items: NavItem[] };

export const NAV_SECTIONS: NavSection[] = [
  { title: 'nav.sections.work', items: [{ to: '/', label: 'nav.home', exact: true }] },
  {
    title: 'nav.sections.personal',
    items: [
      { to: '/providers', label: 'nav.providers' },
      { to: '/collections/new', label: 'nav.collect', show: (u) => canWrite(u.role), exact: true },
      { to: '/requests', label: 'nav.requests' },
      { to: '/import', label: 'nav.import', show: (u) => canWrite(u.role) },
    ],
  },
  {
    title: 'nav.sections.policy',
    items: [
      { to: '/policy', label: 'nav.policy', exact: true },
      { to: '/policy/edit', label: 'nav.policyEditor' },
      { to: '/purposes', label: 'nav.purposes' },
      { to: '/data-categories', label: 'nav.categories' },
    ],
  },
  {
    title: 'nav.sections.purpose',
    items: [
      { to: '/exceptions', label: 'nav.exceptions' },
      { to: '/recipients', label: 'nav.recipients' },
      { to: '/systems', label: 'nav.systems', show: (u) => canWrite(u.role) },
      { to: '/decision-tester', label: 'nav.decisionTester', show: (u) => canWrite(u.role) },
    ],
  },
  {
    title: 'nav.sections.website',
    items: [{ to: '/cookies', label: 'nav.cookies' }],
  },
  {
    title: 'nav.sections.oversight',
    items: [
      { to: '/incidents', label: 'nav.incidents' },
      { to: '/audit', label: 'nav.audit', show: (u) => canWrite(u.role) },
      { to: '/ledger', label: 'nav.ledger', show: (u) => canWrite(u.role), exact: true },
      { to: '/ledger/entries', label: 'nav.ledgerEntries', show: (u) => canWrite(u.role) },
      { to: '/ledger/heads', label: 'nav.ledgerHeads' },
      { to: '/jobs', label: 'nav.jobs', show: (u) => canWrite(u.role) },
      { to: '/outbox', label: 'nav.outbox', show: (u) => canManageUsers(u.role) },
      { to: '/admin-users', label: 'nav.adminUsers', show: (u) => canManageUsers(u.role) },
    ],
  },
  {
    title: 'nav.sections.secretariat',
    items: [
      { to: '/inquiries', label: 'nav.inquiries', show: (u) => canWrite(u.role) },
      { to: '/settings/organisation', label: 'nav.contact' },
    ],
  },
];

function isActive(pathname: string, item: NavItem): boolean {
  if (item.exact) return pathname === item.to;
  return pathname === item.to || pathname.startsWith(`${item.to}/`);
}

export function AppLayout({ user, children }: { user: SessionUser; children: ReactNode }) {
  const [opened, { toggle, close }] = useDisclosure(false);
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const resetClient = useResetClient();
  const { logout, fetching } = useLogout();
  const { t } = useTranslation();

  async function signOut() {
    await logout();
    resetClient();
    void navigate('/login', { replace: true });
  }

  return (
    <AppShell
      header={{ height: 52 }}
      navbar={{ width: 228, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="lg"
      bg="gray.0"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={t('header.toggleNavigation')}
            />
            {/* The visible name is the link's name (axe: label-content-name-mismatch); "home" is said, not shown. */}
            <Link to="/" style={{ textDecoration: 'none', color: 'inherit' }}>
              <Brand />
              <VisuallyHidden>{t('home')}</VisuallyHidden>
            </Link>
          </Group>
          <Group gap="sm" wrap="nowrap" aria-label={t('header.signedInUser')}>
            <Box visibleFrom="sm">
              <AccountLanguageSwitch />
            </Box>
            {/* Below the sidebar's breakpoint the language, name, role and account link move into the sidebar (a 390 px phone). */}
            <Group gap="sm" wrap="nowrap" visibleFrom="sm">
              <UserIdentity user={user} testId="current-user-name" />
              <Button component={Link} to="/account" variant="subtle" size="xs">
                {t('header.account')}
              </Button>
            </Group>
            <Button variant="default" size="xs" onClick={signOut} loading={fetching}>
              {t('header.logOut')}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar p="xs" aria-label={t('nav.label')}>
        {/* The links scroll inside the sidebar (min-height 0 lets the section shrink), so the footer below never covers one. */}
        <AppShell.Section grow component={ScrollArea} mih={0} type="auto">
          {NAV_SECTIONS.map((section, index) => {
            const items = section.items.filter((item) => !item.show || item.show(user));
            if (items.length === 0) return null;
            return (
              <div key={section.title}>
                {index > 0 && <Divider my={6} />}
                <Text size="xs" fw={600} c="dimmed" tt="uppercase" px="sm" pt={6} pb={4}>
                  {t(section.title)}
                </Text>
                {items.map((item) => (
                  <NavLink
                    key={item.to}
                    component={Link}
                    to={item.to}
                    label={t(item.label)}
                    active={isActive(pathname, item)}
                    onClick={close}
                    variant="light"
                    style={{ borderRadius: 'var(--mantine-radius-sm)' }}
                  />
                ))}
              </div>
            );
          })}
        </AppShell.Section>
        <AppShell.Section pt={6} style={{ borderTop: '1px solid var(--mantine-color-gray-2)' }}>
          <Stack gap={6} px="sm" hiddenFrom="sm" pb={6}>
            <AccountLanguageSwitch />
            <Group gap="sm" wrap="nowrap">
              <UserIdentity user={user} />
            </Group>
            <Button component={Link} to="/account" variant="subtle" size="xs" onClick={close} justify="start">
              {t('header.account')}
            </Button>
          </Stack>
          <Text size="xs" c="dimmed" px="sm" pb={6} style={{ overflowWrap: 'anywhere' }}>
            {t('header.signedInAs', { email: user.email })}
          </Text>
        </AppShell.Section>
      </AppShell.Navbar>

      <AppShell.Main>{children}</AppShell.Main>
    </AppShell>
  );
}

/** Who is signed in: name and role (the header on wide screens, the sidebar's foot on a phone). */
function UserIdentity({ user, testId }: { user: SessionUser; testId?: string }) {
  return (
    <>
      <Text size="sm" fw={500} data-testid={testId}>
        {user.displayName}
      </Text>
      <Badge variant="light" color={user.role === 'VIEWER' ? 'gray' : 'blue'} size="sm">
        {ROLE_LABEL[user.role]}
      </Badge>
    </>
  );
}
