import type { z } from 'zod';
import type { Permission } from '../roles';

/**
 * Who may call a method: `public` (before login: setup, login), `session` (any
 * logged-in user), or a named permission checked against the user's roles.
 */
export type Access = 'public' | 'session' | Permission;

export interface MethodSpec<I extends z.ZodType = z.ZodType, O = unknown> {
  readonly input: I;
  readonly access: Access;
  /** Writes run in one transaction and leave an audit entry. */
  readonly writes: boolean;
  /** What the method does, in Chinese, for docs/api.md and the audit viewer. */
  readonly title: string;
  /** Field names whose general label would mislead in this method (an enterprise's `name` is not 姓名). */
  readonly labels?: Readonly<Record<string, string>>;
  /** Phantom: carries the output type; never set at run time. */
  readonly __output?: O;
}

/** `method<Output>()({ input, access, writes, title })` — the output type is named, the input inferred. */
export function method<O>() {
  return <I extends z.ZodType>(spec: Omit<MethodSpec<I, O>, '__output'>): MethodSpec<I, O> => spec;
}
