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
