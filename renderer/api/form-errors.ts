import { RpcCallError } from './client';

/**
 * Maps the contract's field errors onto a Mantine form; returns the overall
 * message for anything not tied to a visible field.
 */
export function applyFieldErrors(
  error: unknown,
  setFieldError: (path: string, message: string) => void,
  visibleFields: readonly string[],
): string | null {
  if (!(error instanceof RpcCallError)) return '操作失败，请重试';
  const fields = error.error.fields ?? {};
  let shown = false;
  for (const [path, message] of Object.entries(fields)) {
    if (visibleFields.includes(path)) {
      setFieldError(path, message);
      shown = true;
    }
  }
  return shown ? null : error.error.message;
}
