import { Alert, Button, Modal, PasswordInput, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import type { SessionView } from '../../shared/contract';
import { call, errorMessage } from '../api/client';
import { queryKeys } from '../api/queries';
import { signOut } from '../api/session';

const HEARTBEAT_MS = 60_000;

/**
 * Locks the screen after the configured idle minutes. The app stays mounted
 * underneath, so a half-filled form survives; the backend locks the session
 * too, so the lock holds even if the overlay were removed.
 */
export function IdleLock({ session }: { session: SessionView }) {
  const queryClient = useQueryClient();
  const settings = useQuery({ queryKey: queryKeys.settings, queryFn: () => call('settings.get', {}) });
  const minutes = settings.data?.idleLockMinutes ?? 10;
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const lastInput = useRef(Date.now());
  const lastBeat = useRef(Date.now());
  const locked = session.locked;

  const lock = () => queryClient.setQueryData<SessionView | null>(queryKeys.session, (s) => (s ? { ...s, locked: true } : s));

  useEffect(() => {
    if (locked) return;
    const onInput = () => {
      lastInput.current = Date.now();
      // Typing a long form makes no calls: tell the backend the session is in use.
      if (Date.now() - lastBeat.current > HEARTBEAT_MS) {
        lastBeat.current = Date.now();
        void call('auth.session', {});
      }
    };
    const events = ['keydown', 'mousedown', 'mousemove', 'wheel', 'touchstart'] as const;
    for (const e of events) window.addEventListener(e, onInput, { passive: true });
    const timer = window.setInterval(() => {
      if (Date.now() - lastInput.current > minutes * 60_000) lock();
    }, 5_000);
    return () => {
      for (const e of events) window.removeEventListener(e, onInput);
      window.clearInterval(timer);
    };
  }, [locked, minutes]);

  const unlock = useMutation({
    mutationFn: () => call('auth.unlock', { password }),
    onSuccess: () => {
      setPassword('');
      setError(null);
      lastInput.current = Date.now();
      queryClient.setQueryData<SessionView | null>(queryKeys.session, (s) => (s ? { ...s, locked: false } : s));
    },
    onError: (e) => setError(errorMessage(e)),
  });

  return (
    <Modal opened={locked} onClose={() => undefined} withCloseButton={false} closeOnEscape={false} closeOnClickOutside={false} centered title="屏幕已锁定" overlayProps={{ backgroundOpacity: 0.85, blur: 6 }}>
      <form onSubmit={(e) => { e.preventDefault(); unlock.mutate(); }}>
        <Stack>
          <Text size="sm">
            {session.displayName}，您已 {minutes} 分钟未操作。未保存的内容仍在，请输入密码继续。
          </Text>
          {error && <Alert color="red">{error}</Alert>}
          <PasswordInput label="密码" autoFocus value={password} onChange={(e) => setPassword(e.currentTarget.value)} data-autofocus />
          <Button type="submit" loading={unlock.isPending}>
            解锁
          </Button>
          <Button variant="subtle" onClick={() => void signOut(queryClient)}>
            退出登录（未保存的内容将丢失）
          </Button>
        </Stack>
      </form>
    </Modal>
  );
}
