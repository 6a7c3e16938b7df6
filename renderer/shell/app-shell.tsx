import { AppShell, Badge, Button, Group, NavLink, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { NavLink as RouterLink, Outlet, useLocation } from 'react-router';
import { APP_TITLE, NAV_AREAS, ROLE_LABELS } from '../../shared/labels/zh-CN';
import { useDeskStatus, useSession } from '../api/queries';
import { signOut } from '../api/session';
import { DemoBadge, DemoBanner, DemoPrintMark } from '../setup/demo-mark';
import { PageNotice } from './page-notice';

export function Shell() {
  const location = useLocation();
  const queryClient = useQueryClient();
  const session = useSession();
  const status = useDeskStatus();
  const logout = useMutation({ mutationFn: () => signOut(queryClient) });
  const user = session.data;
  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 200, breakpoint: 0 }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between">
          <Group gap="xs">
            <Title order={3}>{APP_TITLE}</Title>
            <Text c="dimmed">{status.data?.county?.name}</Text>
            <DemoBadge />
          </Group>
          {user && (
            <Group gap="xs">
              <Text data-testid="current-user">{user.displayName}</Text>
              {user.roles.map((role) => (
                <Badge key={role} variant="light">
                  {ROLE_LABELS[role]}
                </Badge>
              ))}
              <Button variant="subtle" size="compact-sm" component={RouterLink} to="/account">
                修改密码
              </Button>
              <Button variant="subtle" size="compact-sm" onClick={() => logout.mutate()}>
                退出
              </Button>
            </Group>
          )}
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs">
        <Stack gap={2}>
          {NAV_AREAS.filter((area) => user?.permissions.includes(area.permission)).map((area) => (
            <NavLink
              key={area.path}
              component={RouterLink}
              to={area.path}
              label={area.label}
              active={location.pathname.startsWith(area.path)}
              description={area.ready ? undefined : '建设中'}
            />
          ))}
        </Stack>
      </AppShell.Navbar>
      <AppShell.Main>
        <DemoBanner />
        <DemoPrintMark />
        <PageNotice />
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
