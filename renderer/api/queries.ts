import { useQuery } from '@tanstack/react-query';
import { call } from './client';

export const queryKeys = {
  status: ['setup.status'] as const,
  session: ['auth.session'] as const,
  townships: ['divisions.townships'] as const,
  person: (id: number) => ['persons.get', id] as const,
  personSearch: (query: string, page: number) => ['persons.search', query, page] as const,
};

export function useSession() {
  return useQuery({ queryKey: queryKeys.session, queryFn: () => call('auth.session', {}) });
}

export function useTownships() {
  return useQuery({ queryKey: queryKeys.townships, queryFn: () => call('divisions.townships', {}), staleTime: Infinity });
}
