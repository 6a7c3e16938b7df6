import { Affix, Autocomplete, Badge, Center, createTheme, Loader, MantineProvider, MultiSelect, Select } from '@mantine/core';
import { DatesProvider } from '@mantine/dates';
import { ModalsProvider } from '@mantine/modals';
import { Notifications } from '@mantine/notifications';
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { SessionView } from '../../shared/contract';
import { useEffect, useState } from 'react';
import { createHashRouter, RouterProvider } from 'react-router';
import { RpcCallError } from '../api/client';
import { useLiveRefresh } from '../api/live';
import { queryKeys, useDeskStatus, useSession } from '../api/queries';
import { ForcedPasswordChange } from '../auth/forced-password-change';
import { IdleLock } from '../auth/idle-lock';
import { LoginPage } from '../auth/login-page';
import { FirstStartPage } from '../setup/first-start-page';
import { UnavailablePage } from '../setup/unavailable-page';
import { routes } from './routes';
import { useAppState } from './app-state';
import { COMBOBOX_DEFAULTS } from '../shell/combobox-keys';
import { HostLinkBanner } from '../shell/host-link-banner';

const theme = createTheme({
  primaryColor: 'blue',
  fontFamily: '"Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", "Source Han Sans SC", sans-serif',
  defaultRadius: 'sm',
  components: {
    Select: Select.extend({ defaultProps: COMBOBOX_DEFAULTS }),
    Autocomplete: Autocomplete.extend({ defaultProps: COMBOBOX_DEFAULTS }),
    MultiSelect: MultiSelect.extend({ defaultProps: COMBOBOX_DEFAULTS }),
  },
});

/** The backend's word on the session wins: a locked or expired session changes the screen wherever it is noticed. */
function onRpcError(error: unknown): void {
  if (!(error instanceof RpcCallError)) return;
  if (error.error.code === 'LOCKED') {
    queryClient.setQueryData<SessionView | null>(queryKeys.session, (s) => (s ? { ...s, locked: true } : s));
  } else if (error.error.code === 'UNAUTHENTICATED') {
    queryClient.setQueryData(queryKeys.session, null);
  }
}

const queryClient: QueryClient = new QueryClient({
  defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false } },
  queryCache: new QueryCache({ onError: onRpcError }),
  mutationCache: new MutationCache({ onError: onRpcError }),
});

const router = createHashRouter(routes);

/**
 * Queues, counts and the fair's door list refresh when a colleague's change
 * commits (renderer/api/live.ts). While the stream is down, a note says the
 * lists may be behind, so nobody trusts a stale queue unawares.
 */
function LiveRefresh({ locked }: { locked: boolean }) {
  const state = useLiveRefresh(locked);
  // A stream that opens within a few seconds (every sign-in, a brief reconnect) is not worth a note.
  const [late, setLate] = useState(false);
  useEffect(() => {
    setLate(false);
    if (state === 'open') return;
    const timer = window.setTimeout(() => setLate(true), 4_000);
    return () => window.clearTimeout(timer);
  }, [state]);
  if (state === 'open' || !late || locked) return null;
  return (
    <Affix position={{ bottom: 16, right: 16 }}>
      <Badge color={state === 'off' ? 'red' : 'yellow'} variant="filled" size="lg" radius="sm" role="status">
        {state === 'off' ? '实时刷新已停止，列表可能不是最新，请刷新页面' : '实时刷新连接中，列表可能不是最新…'}
      </Badge>
    </Affix>
  );
}

function Gate() {
  const status = useDeskStatus();
  const ready = status.data?.state === 'ready';
  const session = useSession();
  const state = !status.data
    ? status.isError
      ? 'unavailable'
      : 'loading'
    : status.data.state === 'uninitialized'
      ? 'setup'
      : status.data.state === 'unavailable' || status.data.state === 'in_use'
        ? 'unavailable'
        : session.data === undefined
          ? 'loading'
          : session.data === null
            ? 'login'
            : 'ready';
  useAppState(state);

  if (state === 'loading') {
    return (
      <Center h="100vh">
        <Loader aria-label="正在加载" />
      </Center>
    );
  }
  if (state === 'setup') return <FirstStartPage />;
  if (state === 'unavailable') {
    return <UnavailablePage message={status.data?.message ?? '无法连接到后台服务'} inUse={status.data?.state === 'in_use'} />;
  }
  if (!ready || state === 'login' || !session.data) return <LoginPage countyName={status.data?.county?.name ?? ''} />;
  if (session.data.mustChangePassword) return <ForcedPasswordChange session={session.data} />;
  return (
    <>
      <RouterProvider router={router} />
      <IdleLock session={session.data} />
      <LiveRefresh locked={session.data.locked} />
    </>
  );
}

export function App() {
  return (
    <MantineProvider theme={theme}>
      <DatesProvider settings={{ locale: 'zh-cn', firstDayOfWeek: 1 }}>
        <QueryClientProvider client={queryClient}>
          <ModalsProvider labels={{ confirm: '确定', cancel: '取消' }}>
            <Notifications position="top-right" />
            <HostLinkBanner />
            <Gate />
          </ModalsProvider>
        </QueryClientProvider>
      </DatesProvider>
    </MantineProvider>
  );
}
