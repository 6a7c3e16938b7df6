import type { ErrorCode, RpcError } from '../shared/rpc';

/** An error meant for staff: a code, a Chinese sentence and, where it applies, the fields at fault. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fields?: Record<string, string>;
  readonly details?: Record<string, string | number>;
  /**
   * Writes that must survive although the act is refused (a failed login
   * counts toward the lockout); the router runs them after the rollback.
   */
  readonly commitFacts: Array<() => void>;

  constructor(
    code: ErrorCode,
    message: string,
    extra: {
      fields?: Record<string, string>;
      details?: Record<string, string | number>;
      commitFacts?: Array<() => void>;
    } = {},
  ) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    if (extra.fields) this.fields = extra.fields;
    if (extra.details) this.details = extra.details;
    this.commitFacts = extra.commitFacts ?? [];
  }

  toRpcError(): RpcError {
    return {
      code: this.code,
      message: this.message,
      ...(this.fields ? { fields: this.fields } : {}),
      ...(this.details ? { details: this.details } : {}),
    };
  }
}

export function fieldError(field: string, message: string, label: string): AppError {
  return new AppError('BAD_INPUT', `${label}：${message}`, { fields: { [field]: message } });
}

const DISK_FULL = new Set(['SQLITE_FULL', 'ENOSPC', 'EDQUOT']);
const NOT_WRITABLE = new Set(['EROFS', 'EACCES', 'EPERM', 'SQLITE_READONLY', 'SQLITE_CANTOPEN']);

/**
 * A full disk or a folder that cannot be written, in words staff can act on
 * (SQLite's codes and Node's errno alike); null for any other error. The
 * transaction has been rolled back by then, so "nothing changed" is true.
 */
export function storageFailureMessage(error: unknown): string | null {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return null;
  if (DISK_FULL.has(code)) return '磁盘空间不足，操作未完成，数据未改动。请清理磁盘空间（或换一个有空间的位置）后重试。';
  if (NOT_WRITABLE.has(code) || code.startsWith('SQLITE_READONLY')) {
    return '磁盘或文件夹是只读的（或没有写入权限），操作未完成，数据未改动。请检查磁盘和文件夹的写入权限后重试。';
  }
  return null;
}
