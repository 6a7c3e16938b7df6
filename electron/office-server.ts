import { createServer as createHttpsServer, type Server as HttpsServer } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer as createNetServer, type Server, type Socket } from 'node:net';
import type { DeskCaller } from './desk-protocol';
import { failure, readRpcBody, requestPath, sendJson, sendJsonText } from './http-json';
import { serveOfficeEvents } from './office-events';

/**
 * The office host's port (办公室模式): the same `/rpc` contract as the
 * loopback host, for paired workstations on the hall's LAN, over TLS only.
 *
 * A workstation is a Node client (electron/workstation-client.ts), not a
 * browser: it proves itself with its credential (`Authorization: Workstation
 * …`, checked by the desk on every call, db/office-door.ts) and carries its
 * staff's session in `X-Desk-Session`; there are no cookies, and a call with
 * an Origin (a web page) is refused. The first byte of every connection is
 * looked at: a TLS handshake goes on to TLS, anything else (plain HTTP) gets
 * one plain sentence and the connection is closed, so nothing of the
 * contract is ever spoken in clear.
 */
export const WORKSTATION_AUTH_SCHEME = 'Workstation';
export const SESSION_HEADER = 'x-desk-session';

/** One route of the office port. */
export type OfficeRoute = (req: IncomingMessage, res: ServerResponse, desk: DeskCaller) => void;

/**
 * The office port's routes: `/rpc`, and `/events`, the change announcements
 * for paired workstations (electron/office-events.ts); `heartbeatMs` is how
 * often an open stream asks again whether its workstation may still hear (tests shorten it).
 */
export function officeRoutes({ heartbeatMs }: { heartbeatMs?: number } = {}): Readonly<Record<string, OfficeRoute>> {
  return {
    '/rpc': (req, res, desk) => {
      if (req.method !== 'POST') return sendJson(res, 405, failure('BAD_INPUT', '请使用 POST 调用接口'));
      if (req.headers.origin !== undefined) return sendJson(res, 403, failure('FORBIDDEN', '办公室主机只接受已配对工作站的调用，不接受网页调用'));
      readRpcBody(req, res, async (method, input) => {
        const address = peerAddress(req);
        const office = { credential: workstationCredential(req), address };
        // A desk thread writes the answer's JSON itself (callJson): a page of results is not cloned across threads and serialised again.
        const text = desk.callJson ? await desk.callJson(sessionOf(req), method, input, address, office) : JSON.stringify(await desk.call(sessionOf(req), method, input, address, office));
        sendJsonText(res, 200, text);
      });
    },
    '/events': (req, res, desk) =>
      void serveOfficeEvents(desk, req, res, { credential: workstationCredential(req), address: peerAddress(req) }, heartbeatMs ? { heartbeatMs } : {}),
  };
}

export const OFFICE_ROUTES = officeRoutes();

export interface OfficeServerOptions {
  desk: DeskCaller;
  certificate: { certPem: string; keyPem: string };
  /** Names workstations reach the host by (office.switchOn); checked against the Host header. */
  hostNames: readonly string[];
  routes?: Readonly<Record<string, OfficeRoute>>;
}

const PLAIN_HTTP_REFUSAL = Buffer.from(
  'HTTP/1.1 400 Bad Request\r\nContent-Type: text/plain; charset=utf-8\r\nConnection: close\r\n\r\n' +
    '办公室主机只接受加密连接（HTTPS），请在工作站上用配对时的地址连接。\n',
  'utf8',
);
/** How long the host keeps an idle workstation connection open. */
export const OFFICE_KEEP_ALIVE_MS = 60_000;
/** A TLS record of type handshake starts with this byte; plain HTTP starts with a letter. */
const TLS_HANDSHAKE = 0x16;

/** A net.Server that can also drop every open connection (as node:http's closeAllConnections), for shutting down. */
export type OfficeServer = Server & { closeAllConnections(): void };

/** The office host: call `.listen(port, host)` on the result. */
export function createOfficeServer({ desk, certificate, hostNames, routes = OFFICE_ROUTES }: OfficeServerOptions): OfficeServer {
  const tls: HttpsServer = createHttpsServer({ cert: certificate.certPem, key: certificate.keyPem, minVersion: 'TLSv1.2' }, (req, res) => {
    if (!isOfficeName(req.headers.host, hostNames)) {
      return sendJson(res, 421, failure('FORBIDDEN', '办公室主机不接受此主机名的访问，请使用开启办公室模式时填写的地址'));
    }
    const path = requestPath(req.url);
    const route = path === null ? undefined : routes[path];
    if (!route) return sendJson(res, 404, failure('NOT_FOUND', '办公室主机没有这个接口'));
    route(req, res, desk);
  });
  // Longer than a workstation keeps an idle connection (electron/workstation-client.ts), so it is always the one to let go.
  tls.keepAliveTimeout = OFFICE_KEEP_ALIVE_MS;
  // A handshake that fails (a scanner, a client that refused our certificate) only closes that connection.
  tls.on('tlsClientError', (_error, socket) => socket.destroy());
  const open = new Set<Socket>();
  const server = createNetServer((socket: Socket) => {
    open.add(socket);
    socket.on('close', () => open.delete(socket));
    // The first byte decides: read alone, put back, and TLS then reads the rest from the socket's own
    // handle (Node hands bytes already buffered to the TLS engine first) — no JavaScript stream between.
    socket.once('readable', () => {
      const first = socket.read(1) as Buffer | null;
      if (first === null) return void socket.destroy();
      if (first[0] !== TLS_HANDSHAKE) {
        socket.end(PLAIN_HTTP_REFUSAL);
        return;
      }
      socket.unshift(first);
      socket.setTimeout(0); // from here the TLS server's own timeouts apply (and live events stay open)
      tls.emit('connection', socket);
    });
    socket.on('error', () => socket.destroy());
    // A connection that says nothing is not a workstation.
    socket.setTimeout(10_000, () => socket.destroy());
  });
  server.on('close', () => tls.close());
  return Object.assign(server, { closeAllConnections: () => open.forEach((socket) => socket.destroy()) });
}

/**
 * The Host header names one of the configured names (at any port: a NAT or a
 * port forward may stand between). Browsers are kept out by the Origin check
 * and the credential, not by the port.
 */
function isOfficeName(host: string | undefined, names: readonly string[]): boolean {
  if (!host) return false;
  const name = host.toLowerCase().replace(/:\d+$/, '');
  return names.some((n) => n.toLowerCase() === name || `[${n.toLowerCase()}]` === name);
}

/** The workstation's address (the TLS socket reads the connection's own handle, so it knows it). */
function peerAddress(req: IncomingMessage): string {
  return (req.socket.remoteAddress ?? '').replace(/^::ffff:/, '') || '未知地址';
}

function workstationCredential(req: IncomingMessage): string | null {
  const header = req.headers.authorization ?? '';
  const prefix = `${WORKSTATION_AUTH_SCHEME} `;
  return header.startsWith(prefix) ? header.slice(prefix.length).trim() || null : null;
}

function sessionOf(req: IncomingMessage): string | null {
  const value = req.headers[SESSION_HEADER];
  return typeof value === 'string' && value.length > 0 ? value : null;
}
