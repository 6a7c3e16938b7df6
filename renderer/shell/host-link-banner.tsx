import { Group, Loader, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useSyncExternalStore } from 'react';
import { isHostLinkState } from '../../shared/live';
import { HOST_LINK_BROKEN, HOST_LINK_BROKEN_DETAIL, hostLink } from '../api/host-link';

/**
 * 主机连接中断，正在重新连接…: across the top of every screen (the login
 * screen too) while the office host cannot be reached, gone when it answers
 * again (renderer/api/host-link.ts decides). Nothing on the page is cleared:
 * a form keeps what was typed, and a save that failed said so itself. When
 * the host is back, what failed to load meanwhile is asked again.
 */
export function HostLinkBanner() {
  const queryClient = useQueryClient();
  const broken = useSyncExternalStore(hostLink.subscribe, () => hostLink.unreachable);
  const wasBroken = useRef(false);

  useEffect(() => window.bureau?.onHostLink?.((state) => isHostLinkState(state) && hostLink.noteStream(state)), []);
  useEffect(() => {
    if (wasBroken.current && !broken) void queryClient.invalidateQueries({ predicate: (query) => query.state.status === 'error' });
    wasBroken.current = broken;
  }, [broken, queryClient]);

  if (!broken) return null;
  // One line over the top of the header, so the page itself (and the form being filled) stays in view.
  return (
    <Group
      role="alert"
      data-testid="host-link-banner"
      gap="sm"
      wrap="nowrap"
      px="md"
      py={6}
      bg="orange.7"
      c="white"
      style={{ position: 'fixed', top: 0, left: 0, right: 0, zIndex: 1000 }}
    >
      <Loader size="xs" color="white" />
      <Text fw={700} size="sm">
        {HOST_LINK_BROKEN}
      </Text>
      <Text size="xs">{HOST_LINK_BROKEN_DETAIL}</Text>
    </Group>
  );
}
