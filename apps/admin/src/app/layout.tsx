import { AppShell, Badge, Burger, Button, Divider, Group, NavLink, ScrollArea, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { Brand } from '../components/Brand.js';
import { ROLE_LABEL } from '../components/labels.js';
import { ACCOUNT_TEXT } from '../features/account/account-texts.js';
import { canManageUsers, canWrite } from '../features/session/permissions.js';
import type { SessionUser } from '../features/session/session-context.js';
import { useLogout } from '../features/session/use-logout.js';
import { useResetClient } from './client-reset.js';

type NavItem = {
  to: string;
  label: string;
  description?: string;
  show?: (user: SessionUser) => boolean;
  exact?: boolean;
};
type NavSection = { title: string; items: NavItem[] };

export const NAV_SECTIONS: NavSection[] = [
  {
    title: 'Personal information',
    items: [
      { to: '/providers', label: 'Providers' },
      { to: '/collections/new', label: 'Record collection', show: (u) => canWrite(u.role), exact: true },
      { to: '/requests', label: 'Provider requests' },
    ],
  },
  {
    title: 'Policy',
    items: [
      { to: '/policy', label: 'Privacy policy', exact: true },
      { to: '/policy/edit', label: 'Policy editor' },
      { to: '/purposes', label: 'Purposes of use' },
      { to: '/data-categories', label: 'Data categories' },
    ],
  },
  {
    title: 'Purpose of use',
    items: [
      { to: '/exceptions', label: 'Exceptions' },
      { to: '/recipients', label: 'Recipients' },
      { to: '/systems', label: 'Internal systems', show: (u) => canWrite(u.role) },
      { to: '/decision-tester', label: 'Decision tester', show: (u) => canWrite(u.role) },
    ],
  },
  {
    title: 'Website',
    items: [{ to: '/cookies', label: 'Cookie consent' }],
  },
  {
    title: 'Oversight',
    items: [
      { to: '/audit', label: 'Audit log', show: (u) => canWrite(u.role) },
      { to: '/ledger', label: 'Ledger', show: (u) => canWrite(u.role), exact: true },
      { to: '/ledger/entries', label: 'Ledger entries', show: (u) => canWrite(u.role) },
      { to: '/jobs', label: 'Jobs', show: (u) => canWrite(u.role) },
      { to: '/admin-users', label: 'Admin users', show: (u) => canManageUsers(u.role) },
    ],
  },
  {
    title: 'Secretariat',
    items: [
      { to: '/inquiries', label: 'Inquiries', show: (u) => canWrite(u.role) },
      { to: '/settings/organisation', label: 'Contact details' },
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
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label="Toggle navigation" />
            <Link to="/providers" style={{ textDecoration: 'none', color: 'inherit' }} aria-label="Steward home">
              <Brand />
            </Link>
          </Group>
          <Group gap="sm" wrap="nowrap" aria-label="Signed-in user">
            <Text size="sm" fw={500} data-testid="current-user-name">
              {user.displayName}
            </Text>
            <Badge variant="light" color={user.role === 'VIEWER' ? 'gray' : 'blue'} size="sm">
              {ROLE_LABEL[user.role]}
            </Badge>
            <Button component={Link} to="/account" variant="subtle" size="xs">
              {ACCOUNT_TEXT.nav}
            </Button>
            <Button variant="default" size="xs" onClick={signOut} loading={fetching}>
              Log out
            </Button>
          </Group>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar p="xs" aria-label="Main navigation">
        <AppShell.Section grow component={ScrollArea}>
          {NAV_SECTIONS.map((section, index) => {
            const items = section.items.filter((item) => !item.show || item.show(user));
            if (items.length === 0) return null;
            return (
              <div key={section.title}>
                {index > 0 && <Divider my={6} />}
                <Text size="xs" fw={600} c="dimmed" tt="uppercase" px="sm" pt={6} pb={4}>
                  {section.title}
                </Text>
                {items.map((item) => (
                  <NavLink
                    key={item.to}
                    component={Link}
                    to={item.to}
                    label={item.label}
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
        <AppShell.Section>
          <Text size="xs" c="dimmed" px="sm" py={6}>
            Signed in as {user.email}
          </Text>
        </AppShell.Section>
      </AppShell.Navbar>

      <AppShell.Main>{children}</AppShell.Main>
    </AppShell>
  );
}
