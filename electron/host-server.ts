import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import type { DeskCaller } from './desk-protocol';
import { clientOf, failure, isServedHost, readRpcBody, requestPath, sendJson } from './http-json';
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

/**
 * One route of a host: answers requests for its path (the query string aside).
 * The hosts' routes are tables, so a new door (live events) is one more entry.
 */
export type Route = (req: IncomingMessage, res: ServerResponse, desk: DeskCaller) => void;

/**
 * The loopback host's routes; everything else is the built renderer. `/events` is live refresh
 * (electron/host-events.ts): change topics as server-sent events, for a signed-in session of this
 * page; `heartbeatMs` is how often an open stream checks its session (tests shorten it).
 */
export function hostRoutes({ heartbeatMs }: { heartbeatMs?: number } = {}): Readonly<Record<string, Route>> {
  return {
    '/rpc': (req, res, desk) => {
      if (req.method !== 'POST') return sendJson(res, 405, failure('BAD_INPUT', '请使用 POST 调用接口'));
      handleRpc(desk, req, res);
    },
    '/events': (req, res, desk) => void serveEvents(desk, req, res, readSessionCookie(req), heartbeatMs ? { heartbeatMs } : {}),
  };
}

export const HOST_ROUTES = hostRoutes();

export interface HostServerOptions {
  /** The desk thread's client (electron/desk-client.ts), or a Desk in this thread for tests. */
  desk: DeskCaller;
  rendererDir: string;
  /** Host names (without port) accepted in the Host header; the loopback names by default. */
  hostNames?: readonly string[];
  /** The routes by path; HOST_ROUTES by default. */
  routes?: Readonly<Record<string, Route>>;
}

export { isServedHost, clientOf };

export function createHostServer({ desk, rendererDir, hostNames = LOOPBACK_HOST_NAMES, routes = HOST_ROUTES }: HostServerOptions): Server {
  return createServer((req, res) => {
    // Before any routing: a request for a name this server does not serve gets nothing, not even the page.
    if (!isServedHost(req.headers.host, hostNames, req.socket.localPort)) {
      res.writeHead(421, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
      res.end('本服务不接受此主机名的访问');
      return;
    }
    const path = requestPath(req.url);
    const route = path === null ? undefined : routes[path];
    if (route) return route(req, res, desk);
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendJson(res, 405, failure('BAD_INPUT', '不支持的请求方法'));
    return serveStatic(rendererDir, req, res);
  });
}

function handleRpc(desk: DeskCaller, req: IncomingMessage, res: ServerResponse): void {
  // Browsers send Origin with every POST; a call without one is not from the desk's own page.
  const origin = req.headers.origin;
  if (origin === undefined) return sendJson(res, 403, failure('FORBIDDEN', '拒绝未注明来源（Origin）的调用'));
  if (origin !== `http://${req.headers.host}`) return sendJson(res, 403, failure('FORBIDDEN', '拒绝来自其他网页的调用'));
  readRpcBody(req, res, async (method, input) => {
    const outcome = await desk.call(readSessionCookie(req), method, input, clientOf(req));
    if (outcome.session && 'set' in outcome.session) {
      res.setHeader('Set-Cookie', `${SESSION_COOKIE}=${outcome.session.set}; HttpOnly; SameSite=Strict; Path=/`);
    } else if (outcome.session) {
      res.setHeader('Set-Cookie', `${SESSION_COOKIE}=; HttpOnly; SameSite=Strict; Path=/; Max-Age=0`);
    }
    sendJson(res, 200, outcome.result);
  });
}

function readSessionCookie(req: IncomingMessage): string | null {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === SESSION_COOKIE) return value.join('=') || null;
  }
  return null;
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
