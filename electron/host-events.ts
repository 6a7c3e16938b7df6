import type { IncomingMessage, ServerResponse } from 'node:http';
import type { TLSSocket } from 'node:tls';
import { LIVE_HEARTBEAT_MS, type LiveEvent } from '../shared/live';
import type { DeskCaller } from './desk-protocol';

/**
 * `GET /events`: the desk's change announcements (shared/live.ts) as
 * server-sent events, so open queues, counts and the fair's door list refresh
 * without polling. Only for a signed-in session of the desk's own page:
 *
 * - The Host header was checked before routing (host-server.ts), as for /rpc.
 * - Origin, when the browser sends it, must be this server's own. Chromium
 *   sends no Origin on a same-origin EventSource (a GET), but marks it
 *   `Sec-Fetch-Site: same-origin`; a request with neither mark is refused, as
 *   /rpc refuses a call without Origin. Another site's page is refused by
 *   Origin, and would not get the SameSite=Strict cookie anyway.
 * - The session must stand; it is checked again on every heartbeat, without
 *   counting as activity, so a stream ends when its session does (logout,
 *   restart, an account disabled) and never keeps a screen from idle-locking.
 *
 * What is sent is a topic and a time, nothing else.
 */
export interface EventStreamOptions {
  heartbeatMs?: number;
}

/** The origin the desk's own page has on this connection (http, or https on the office host's TLS port). */
export function ownOrigin(req: IncomingMessage): string {
  const encrypted = (req.socket as Partial<TLSSocket>).encrypted === true;
  return `${encrypted ? 'https' : 'http'}://${req.headers.host ?? ''}`;
}

/** Why a request for the event stream comes from somewhere other than the desk's own page, or null when it does not. */
export function foreignRequest(req: IncomingMessage): string | null {
  const origin = req.headers.origin;
  if (origin !== undefined) return origin === ownOrigin(req) ? null : '拒绝来自其他网页的订阅';
  return req.headers['sec-fetch-site'] === 'same-origin' ? null : '拒绝未注明来源的订阅';
}

export function refuse(res: ServerResponse, status: number, message: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(message);
}

export async function serveEvents(desk: DeskCaller, req: IncomingMessage, res: ServerResponse, sessionId: string | null, options: EventStreamOptions = {}): Promise<void> {
  if (req.method !== 'GET') return refuse(res, 405, '请使用 GET 订阅');
  const foreign = foreignRequest(req);
  if (foreign) return refuse(res, 403, foreign);
  const { subscribe, sessionAlive } = desk;
  if (!subscribe || !sessionAlive) return refuse(res, 503, '此服务不提供实时刷新');
  const alive = () => Promise.resolve(sessionAlive.call(desk, sessionId)).catch(() => false);
  if (!sessionId || !(await alive())) return refuse(res, 401, '请先登录');
  streamChanges(req, res, (listener) => subscribe.call(desk, listener), alive, options);
}

/**
 * The stream itself, once its caller was let in: `ready`, then each change's
 * topic and time, and a heartbeat that asks `alive` again and ends the stream
 * when the answer is no. A change of `office` (a workstation revoked, office
 * mode switched off) is checked at once, before it is passed on, so a revoked
 * workstation's stream closes then, not a heartbeat later.
 */
export function streamChanges(
  req: IncomingMessage,
  res: ServerResponse,
  subscribe: (listener: (event: LiveEvent) => void) => () => void,
  alive: () => Promise<boolean>,
  options: EventStreamOptions = {},
): void {
  if (res.destroyed) return;
  res.writeHead(200, {
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-store',
    Connection: 'keep-alive',
    'X-Content-Type-Options': 'nosniff',
  });
  // `retry`: how long the browser waits before reconnecting; `ready`: the stream is open (tests and the UI wait on it).
  res.write('retry: 3000\nevent: ready\ndata: {}\n\n');
  const write = (event: LiveEvent) => void res.write(`data: ${JSON.stringify({ topic: event.topic, at: event.at })}\n\n`);
  const send = (event: LiveEvent) => {
    if (event.topic !== 'office') return write(event);
    void alive().then((still) => (still ? write(event) : res.end()));
  };
  const unsubscribe = subscribe(send);
  let checking = false;
  const timer = setInterval(() => {
    if (checking) return;
    checking = true;
    void alive().then((still) => {
      checking = false;
      if (still) res.write(': ping\n\n');
      else res.end();
    });
  }, options.heartbeatMs ?? LIVE_HEARTBEAT_MS);
  const stop = () => {
    clearInterval(timer);
    unsubscribe();
  };
  res.on('close', stop);
  req.on('close', stop);
}
