/**
 * What crosses the boundary between the UI and the backend: a result, never a
 * thrown error or a stack trace (IPC and HTTP both carry this shape).
 */
export const ERROR_CODES = [
  'BAD_INPUT',
  'UNKNOWN_METHOD',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'DUPLICATE',
  'NOT_INITIALIZED',
  'ALREADY_INITIALIZED',
  'LOGIN_FAILED',
  'LOCKED',
  'DATABASE_UNAVAILABLE',
  'INTERNAL',
  /** A workstation cannot reach the office host (network, host switched off). */
  'HOST_UNREACHABLE',
  /** The office host presented a certificate other than the one pinned at pairing. */
  'HOST_CERTIFICATE_CHANGED',
  /** The office host refused this workstation: revoked, never paired, or office mode off. */
  'WORKSTATION_REFUSED',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface RpcError {
  code: ErrorCode;
  /** One sentence in Chinese, fit to show to staff as it is. */
  message: string;
  /** Input path (e.g. `idNumber`, `changes.phone`) → message about that field. */
  fields?: Record<string, string>;
  /** Machine-readable facts, e.g. the id of the existing person on DUPLICATE. */
  details?: Record<string, string | number>;
}

export type RpcResult<T> = { ok: true; value: T } | { ok: false; error: RpcError };

export interface RpcRequest {
  method: string;
  input?: unknown;
}

/** Largest request body any binding accepts: a spreadsheet to import (base64) is the largest thing sent. */
export const MAX_REQUEST_BYTES = 24 * 1024 * 1024;
