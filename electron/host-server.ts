import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import type { DeskCaller } from './desk-protocol';
import { MAX_REQUEST_BYTES, type RpcResult } from '../shared/rpc';
import { SECURITY_HEADERS } from './shell/csp';
import { serveEvents } from './host-events';

/**
 * The browser host: the built renderer and `POST /rpc` on 127.0.0.1 only.
 * The session lives in an HttpOnly, SameSite=Strict cookie; the RPC door also
 * requires a JSON content type and a same-origin Origin, so another site open
 * in the same browser cannot call it.
 *
 * Every request must name one of the host names this server answers to in its
 * Host header. Without that check a web page on any name that resolves to
 * 127.0.0.1 (DNS rebinding) is "same origin" with itself and could set up a
 * fresh desk, becoming its administrator and reading the recovery key.
 */
const SESSION_COOKIE = 'desk_session';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

/** The names the loopback host answers to; office mode adds its configured names. */
export const LOOPBACK_HOST_NAMES: readonly string[] = ['127.0.0.1', 'localhost', '[::1]'];

export interface HostServerOptions {
  /** The desk thread's client (electron/desk-client.ts), or a Desk in this thread for tests. */
  desk: DeskCaller;
  rendererDir: string;
  /** Host names (without port) accepted in the Host header; the loopback names by default. */
  hostNames?: readonly string[];
  /** How often an open `GET /events` stream sends a heartbeat and checks its session (tests shorten it). */
  eventsHeartbeatMs?: number;
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

export function createHostServer({ desk, rendererDir, hostNames = LOOPBACK_HOST_NAMES, eventsHeartbeatMs }: HostServerOptions): Server {
  return createServer((req, res) => {
    // Before any routing: a request for a name this server does not serve gets nothing, not even the page.
    if (!isServedHost(req.headers.host, hostNames, req.socket.localPort)) {
      res.writeHead(421, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
      res.end('本服务不接受此主机名的访问');
      return;
    }
    if (req.url === '/rpc') {
      if (req.method !== 'POST') return sendJson(res, 405, failure('BAD_INPUT', '请使用 POST 调用接口'));
      return handleRpc(desk, req, res);
    }
    // Live refresh (electron/host-events.ts): change topics as server-sent events, for a signed-in session of this page.
    if (req.url === '/events') return void serveEvents(desk, req, res, readSessionCookie(req), { ...(eventsHeartbeatMs ? { heartbeatMs: eventsHeartbeatMs } : {}) });
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendJson(res, 405, failure('BAD_INPUT', '不支持的请求方法'));
    return serveStatic(rendererDir, req, res);
  });
}

function failure(code: 'BAD_INPUT' | 'FORBIDDEN', message: string): RpcResult<never> {
  return { ok: false, error: { code, message } };
}

function handleRpc(desk: DeskCaller, req: IncomingMessage, res: ServerResponse): void {
  // Browsers send Origin with every POST; a call without one is not from the desk's own page.
  const origin = req.headers.origin;
  if (origin === undefined) return sendJson(res, 403, failure('FORBIDDEN', '拒绝未注明来源（Origin）的调用'));
  if (origin !== `http://${req.headers.host}`) return sendJson(res, 403, failure('FORBIDDEN', '拒绝来自其他网页的调用'));
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
    void answer().catch(() => sendJson(res, 500, { ok: false, error: { code: 'INTERNAL', message: '系统内部错误，操作未完成，数据未改动。请重试或联系管理员。' } }));
  });
  async function answer(): Promise<void> {
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
    const outcome = await desk.call(readSessionCookie(req), method, input, clientOf(req));
    if (outcome.session && 'set' in outcome.session) {
      res.setHeader('Set-Cookie', `${SESSION_COOKIE}=${outcome.session.set}; HttpOnly; SameSite=Strict; Path=/`);
    } else if (outcome.session) {
      res.setHeader('Set-Cookie', `${SESSION_COOKIE}=; HttpOnly; SameSite=Strict; Path=/; Max-Age=0`);
    }
    sendJson(res, 200, outcome.result);
  }
}

/** The caller's address, as staff read it (127.0.0.1, 10.0.0.5): wrong passwords are counted per computer. */
export function clientOf(req: IncomingMessage): string {
  const address = req.socket.remoteAddress ?? '';
  return address.replace(/^::ffff:/, '') || '未知地址';
}

function readSessionCookie(req: IncomingMessage): string | null {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === SESSION_COOKIE) return value.join('=') || null;
  }
  return null;
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  if (res.headersSent) return;
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(JSON.stringify(body));
}

/** The request's path, or null when it is not a path at all ("//", a broken %-escape). */
function requestPath(url: string | undefined): string | null {
  try {
    return decodeURIComponent(new URL(url ?? '/', 'http://host').pathname);
  } catch {
    return null;
  }
}

function serveStatic(rendererDir: string, req: IncomingMessage, res: ServerResponse): void {
  const urlPath = requestPath(req.url);
  if (urlPath === null) {
    res.writeHead(400, { 'Content-Type': 'text/plain; charset=utf-8' });
    res.end('无效的地址');
    return;
  }
  const candidate = normalize(join(rendererDir, urlPath));
  const inside = candidate === rendererDir || candidate.startsWith(rendererDir + sep);
  const file = inside && existsSync(candidate) && statSync(candidate).isFile() ? candidate : join(rendererDir, 'index.html');
  if (!existsSync(file)) {
    res.writeHead(503, { 'Content-Type': 'text/plain; charset=utf-8' });
    res.end('界面尚未构建：请先运行 npm run build');
    return;
  }
  res.writeHead(200, {
    ...SECURITY_HEADERS,
    'Content-Type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
    'Cache-Control': file.endsWith('index.html') ? 'no-cache' : 'max-age=3600',
  });
  if (req.method === 'HEAD') return void res.end();
  createReadStream(file).pipe(res);
}
