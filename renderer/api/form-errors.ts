import { focusFirstFieldInError } from '../shell/focus-first-error';
import { RpcCallError } from './client';

/**
 * Maps the contract's field errors onto a Mantine form, brings the first of
 * them into view with the focus, and returns the overall message for anything
 * not tied to a visible field.
 */
export function applyFieldErrors(
  error: unknown,
  setFieldError: (path: string, message: string) => void,
  visibleFields: readonly string[],
): string | null {
  if (!(error instanceof RpcCallError)) return '操作失败，请重试';
  const fields = error.error.fields ?? {};
  const shown = Object.keys(fields).filter((path) => visibleFields.includes(path));
  for (const path of shown) setFieldError(path, fields[path]!);
  focusFirstFieldInError(shown);
  return shown.length > 0 ? null : error.error.message;
}
