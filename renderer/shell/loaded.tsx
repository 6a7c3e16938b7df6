import { Alert } from '@mantine/core';
import type { ReactNode } from 'react';
import { errorMessage } from '../api/client';

/** What a page needs of a query: its data once there, or why it failed. */
interface QueryState<T> {
  data: T | undefined;
  isError: boolean;
  error: unknown;
}

/** Renders a query's data once it has come: a refusal as a red alert, nothing while it loads. */
export function Loaded<T>({ query, children }: { query: QueryState<T>; children: (data: NonNullable<T>) => ReactNode }) {
  if (query.isError) return <Alert color="red">{errorMessage(query.error)}</Alert>;
  if (query.data === undefined || query.data === null) return null;
  return <>{children(query.data)}</>;
}
