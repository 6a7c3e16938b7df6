import { useQuery } from '@tanstack/react-query';
import type { EditableCodeTable } from '../../shared/domain/editable-code-tables';
import type { Permission } from '../../shared/roles';
import { call } from './client';

export const queryKeys = {
  status: ['setup.status'] as const,
  session: ['auth.session'] as const,
  settings: ['settings.get'] as const,
  townships: ['divisions.townships'] as const,
  counties: ['divisions.counties'] as const,
  users: ['users.list'] as const,
  person: (id: number) => ['persons.get', id] as const,
  personSearch: (query: string, page: number) => ['persons.search', query, page] as const,
  codeTable: (table: EditableCodeTable) => ['codes.list', table] as const,
};

/** The desk's state: set up or not, the county, and the bureau's name that letterheads print. */
export function useDeskStatus() {
  return useQuery({ queryKey: queryKeys.status, queryFn: () => call('setup.status', {}) });
}

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

/** Jiangsu's districts and counties, for 户籍所在地. */
export function useCounties() {
  return useQuery({ queryKey: queryKeys.counties, queryFn: () => call('divisions.counties', {}), staleTime: Infinity });
}

/**
 * An administrator's code table (认定类别, 补贴目录), retired entries included so
 * old cases keep their labels. A minute's staleness is harmless: the server
 * checks every value again, and the administrator's own saves update it at once.
 */
export function useCodeTable(table: EditableCodeTable, enabled = true) {
  return useQuery({ queryKey: queryKeys.codeTable(table), queryFn: () => call('codes.list', { table }), staleTime: 60_000, enabled });
}
