import type { QueryClient } from '@tanstack/react-query';
import { call } from './client';
import { queryKeys } from './queries';

/**
 * Logs out and forgets every cached answer except the setup status, so the
 * next person at this workstation starts from the login screen with nothing
 * of the previous user's data in memory.
 */
export async function signOut(queryClient: QueryClient): Promise<void> {
  await call('auth.logout', {});
  // The next person starts from their own home page, not where the last one left off.
  window.location.hash = '#/';
  queryClient.setQueryData(queryKeys.session, null);
  queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== queryKeys.session[0] && q.queryKey[0] !== queryKeys.status[0] });
}
