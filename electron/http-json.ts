import type { IncomingMessage, ServerResponse } from 'node:http';
import { MAX_REQUEST_BYTES, type ErrorCode, type RpcResult } from '../shared/rpc';

/** What the loopback host and the office host both do with a `POST /rpc` body and its answer. */

export const INTERNAL_FAILURE: RpcResult<never> = { ok: false, error: { code: 'INTERNAL', message: '系统内部错误，操作未完成，数据未改动。请重试或联系管理员。' } };

export function failure(code: ErrorCode, message: string): RpcResult<never> {
  return { ok: false, error: { code, message } };
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  sendJsonText(res, status, JSON.stringify(body));
}

/** An answer already written as JSON (DeskCaller.callJson). */
export function sendJsonText(res: ServerResponse, status: number, text: string): void {
  if (res.headersSent) return;
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(text);
}

/**
 * Reads a JSON `{ method, input }` body (at most MAX_REQUEST_BYTES) and hands
 * it to `answer`; a body too large, not JSON or without a method is answered
 * here with a Chinese error and never reaches the desk.
 */
export function readRpcBody(req: IncomingMessage, res: ServerResponse, answer: (method: string, input: unknown) => Promise<void>): void {
  if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
    return sendJson(res, 415, failure('BAD_INPUT', '请求格式应为 JSON'));
  }
  const chunks: Buffer[] = [];
  let size = 0;
  let refused = false;
  req.on('data', (chunk: Buffer) => {
    size += chunk.length;
    if (size > MAX_REQUEST_BYTES && !refused) {
      refused = true;
      sendJson(res, 413, failure('BAD_INPUT', `请求内容过大（上限 ${MAX_REQUEST_BYTES / 1024} KB）`));
      req.resume();
    } else if (!refused) chunks.push(chunk);
  });
  req.on('end', () => {
    if (refused) return;
    let body: unknown;
    try {
      body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    } catch {
      return sendJson(res, 400, failure('BAD_INPUT', '请求内容不是有效的 JSON'));
    }
    if (typeof body !== 'object' || body === null || typeof (body as { method?: unknown }).method !== 'string') {
      return sendJson(res, 400, failure('BAD_INPUT', '请求应包含 method 字段'));
    }
    const { method, input } = body as { method: string; input?: unknown };
    void answer(method, input).catch(() => sendJson(res, 500, INTERNAL_FAILURE));
  });
}

/** The caller's address, as staff read it (127.0.0.1, 10.0.0.5): wrong passwords are counted per computer. */
export function clientOf(req: IncomingMessage): string {
  const address = req.socket.remoteAddress ?? '';
  return address.replace(/^::ffff:/, '') || '未知地址';
}

/**
 * True when `host` (a Host header) is one of `names` at the port the request
 * arrived on. Compared as whole strings: no suffix, no case folding of
 * anything but the name, no default port.
 */
export function isServedHost(host: string | undefined, names: readonly string[], port: number | undefined): boolean {
  if (!host || port === undefined) return false;
  const lower = host.toLowerCase();
  return names.some((name) => lower === `${name.toLowerCase()}:${port}`);
}

/** The request's path, or null when it is not a path at all ("//", a broken %-escape). */
export function requestPath(url: string | undefined): string | null {
  try {
    return decodeURIComponent(new URL(url ?? '/', 'http://host').pathname);
  } catch {
    return null;
  }
}
