import { Center, createTheme, Loader, MantineProvider } from '@mantine/core';
import { DatesProvider } from '@mantine/dates';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query';
import { createHashRouter, RouterProvider } from 'react-router';
import { call } from '../api/client';
import { queryKeys, useSession } from '../api/queries';
import { LoginPage } from '../auth/login-page';
import { SetupPage } from '../setup/setup-page';
import { UnavailablePage } from '../setup/unavailable-page';
import { routes } from './routes';
import { useAppState } from './app-state';

const theme = createTheme({
  primaryColor: 'blue',
  fontFamily: '"Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", "Source Han Sans SC", sans-serif',
  defaultRadius: 'sm',
});

const queryClient = new QueryClient({
  defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false } },
});

const router = createHashRouter(routes);

function Gate() {
  const status = useQuery({ queryKey: queryKeys.status, queryFn: () => call('setup.status', {}) });
  const ready = status.data?.state === 'ready';
  const session = useSession();
  const state = !status.data
    ? status.isError
      ? 'unavailable'
      : 'loading'
    : status.data.state === 'uninitialized'
      ? 'setup'
      : status.data.state === 'unavailable'
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
  if (state === 'setup') return <SetupPage />;
  if (state === 'unavailable') return <UnavailablePage message={status.data?.message ?? '无法连接到后台服务'} />;
  if (!ready || state === 'login') return <LoginPage countyName={status.data?.county?.name ?? ''} />;
  return <RouterProvider router={router} />;
}

export function App() {
  return (
    <MantineProvider theme={theme}>
      <DatesProvider settings={{ locale: 'zh-cn', firstDayOfWeek: 1 }}>
        <QueryClientProvider client={queryClient}>
          <Notifications position="top-right" />
          <Gate />
        </QueryClientProvider>
      </DatesProvider>
    </MantineProvider>
  );
}
