import { useQuery } from '@tanstack/react-query';
import type { Permission } from '../../shared/roles';
import { call } from './client';

export const queryKeys = {
  status: ['setup.status'] as const,
  session: ['auth.session'] as const,
  settings: ['settings.get'] as const,
  townships: ['divisions.townships'] as const,
  users: ['users.list'] as const,
  person: (id: number) => ['persons.get', id] as const,
  personSearch: (query: string, page: number) => ['persons.search', query, page] as const,
};

export function useSession() {
  return useQuery({ queryKey: queryKeys.session, queryFn: () => call('auth.session', {}) });
}

/** Mirrors the router's permission check so the UI hides what the role cannot do. */
export function useCan(permission: Permission): boolean {
  return useSession().data?.permissions.includes(permission) ?? false;
}

export function useTownships() {
  return useQuery({ queryKey: queryKeys.townships, queryFn: () => call('divisions.townships', {}), staleTime: Infinity });
}
