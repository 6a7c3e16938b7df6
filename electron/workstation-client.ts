import { Agent, request } from 'node:https';
import { connect, type ConnectionOptions, type TLSSocket } from 'node:tls';
import type { Duplex } from 'node:stream';
import type { CallOutcome } from '../db/desk-options';
import { contract, isMethodName } from '../shared/contract';
import { normalizeFingerprint } from '../shared/domain/office';
import type { ErrorCode, RpcResult } from '../shared/rpc';
import type { DeskCaller } from './desk-protocol';
import { SESSION_HEADER, WORKSTATION_AUTH_SCHEME } from './office-server';
import { HostEventStream, type HostLinkState, type HostEventStreamOptions } from './workstation-events';
import type { LiveEvent } from '../shared/live';

/**
 * A workstation's side of 办公室模式: the same `call(session, method, input)`
 * as the desk thread's client (electron/desk-client.ts), answered by the
 * office host over HTTPS. The workstation keeps no database: everything it
 * shows comes from the host and stays in memory.
 *
 * The host's certificate is self-signed and trusted only by its SHA-256
 * fingerprint, pinned at pairing: every new connection is checked (or
 * resumes the TLS session of one that was) before a single byte of a request
 * is sent on it; a workstation keeps at most HOST_CONNECTIONS open. A host that cannot be reached, or
 * one that shows another certificate, answers the call with a plain Chinese
 * error (never a rejection); the next call connects afresh, so the
 * workstation reconnects by itself once the network or the host is back.
 */
export interface HostAddress {
  host: string;
  port: number;
  /** The pinned SHA-256 fingerprint (any spelling; compared as 64 hex digits). */
  fingerprint: string;
}

export interface WorkstationClientOptions extends HostAddress {
  /** The credential received at pairing; null only to pair. */
  credential: string | null;
  /** How long a call may take before the host counts as unreachable. */
  timeoutMs?: number;
  /** The event stream's reconnection waits and silence limit (tests shorten them). */
  events?: Pick<HostEventStreamOptions, 'retryMs' | 'silenceMs'>;
}

const CLIENT_IDLE_MS = 30_000;
/**
 * A workstation keeps this many connections to the host, kept alive; calls
 * made at once wait their turn on it rather than each opening a connection
 * (a TLS handshake each: measured, the first burst of the office bench paid
 * one per call beyond a workstation's open connection). The host's desk
 * answers one call after another anyway, each synchronously (long jobs run
 * apart and are polled), so one clerk's calls lose nothing by going in turn.
 */
export const HOST_CONNECTIONS = 1;
const STALE_CONNECTION = Symbol('stale connection');

export const HOST_CERTIFICATE_CHANGED_MESSAGE =
  '办公室主机出示的证书与配对时核对的指纹不一致，已拒绝连接，没有发送任何数据。可能有人冒充主机，或主机重新生成了证书：请联系系统管理员核对证书指纹后重新配对。';

/** The TLS handshakes an agent made: full (the certificate shown and checked against the pin) or resumed, and their time in all. */
export interface HandshakeCounts {
  full: number;
  resumed: number;
  ms: number;
}

export class PinnedAgent extends Agent {
  readonly handshakes: HandshakeCounts = { full: 0, resumed: 0, ms: 0 };
  /**
   * The newest TLS session (ticket) per host:port, taken only from a
   * connection that showed the pinned certificate. Offered on the next
   * connection, it spares host and workstation the full handshake; only the
   * host that completed that pinned handshake holds the session's secret, so
   * only it can resume — any other server (a changed certificate, a host
   * restarted with new ticket keys) falls back to a full handshake and is
   * checked against the pin as before.
   */
  private readonly sessions = new Map<string, Buffer>();

  constructor(
    private readonly fingerprint: string,
    keepAlive = true,
  ) {
    // An idle connection is dropped here well before the host drops it (OFFICE_KEEP_ALIVE_MS), so a
    // call never goes out on a connection the host is closing at that moment. maxSockets alone does
    // not bound the pool: node:http counts a connection only once createConnection has handed it
    // over — here after the handshake — so every call made during a handshake would open one more.
    // WorkstationClient lets at most HOST_CONNECTIONS calls out at once (CallSlots) instead.
    super(keepAlive ? { keepAlive: true, maxSockets: HOST_CONNECTIONS, timeout: CLIENT_IDLE_MS } : { keepAlive: false });
  }

  /** A connection is handed to HTTP only after its certificate matched the pin (or it resumed a pinned session). */
  override createConnection(options: ConnectionOptions, callback?: (error: Error | null, socket: Duplex) => void): Duplex | undefined {
    const key = `${options.host ?? ''}:${options.port ?? ''}`;
    const offered = this.sessions.get(key);
    const started = performance.now();
    const socket: TLSSocket = connect({ ...options, rejectUnauthorized: false, ...(offered ? { session: offered } : {}) });
    let settled = false;
    let pinned = false;
    let early: Buffer | null = null;
    const settle = (error: Error | null) => {
      if (settled) return;
      settled = true;
      callback?.(error, socket);
    };
    // TLS 1.3 tickets arrive after the handshake; a TLS 1.2 session may come before it is checked.
    socket.on('session', (session: Buffer) => {
      if (pinned) this.sessions.set(key, session);
      else early = session;
    });
    socket.once('secureConnect', () => {
      // A resumed handshake shows no certificate (there is nothing to compare); completing it proves the
      // host holds the secret of a session this agent only ever kept from a pinned connection.
      const resumed = offered !== undefined && socket.isSessionReused();
      if (!resumed && normalizeFingerprint(socket.getPeerCertificate().fingerprint256 ?? '') !== this.fingerprint) {
        this.sessions.delete(key);
        socket.destroy();
        settle(Object.assign(new Error('host certificate changed'), { code: 'HOST_CERTIFICATE_CHANGED' }));
        return;
      }
      pinned = true;
      if (early) this.sessions.set(key, early);
      this.handshakes[resumed ? 'resumed' : 'full'] += 1;
      this.handshakes.ms += performance.now() - started;
      settle(null);
    });
    socket.once('error', (error) => settle(error));
    return undefined;
  }
}

/** At most `limit` calls out at once; the others wait their turn, in order. */
class CallSlots {
  private readonly waiting: Array<() => void> = [];

  constructor(private free: number) {}

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.free > 0) this.free -= 1;
    else await new Promise<void>((resolve) => this.waiting.push(resolve));
    try {
      return await work();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.free += 1;
    }
  }
}

export class WorkstationClient implements DeskCaller {
  private readonly agent: PinnedAgent;
  private readonly slots = new CallSlots(HOST_CONNECTIONS);
  private readonly fingerprint: string;
  private events: HostEventStream | null = null;

  constructor(private readonly options: WorkstationClientOptions) {
    const pinned = normalizeFingerprint(options.fingerprint);
    if (!pinned) throw new Error('a workstation needs the host certificate fingerprint (64 hex digits)');
    this.fingerprint = pinned;
    this.agent = new PinnedAgent(pinned);
  }

  /** The host's change announcements (over a connection of their own, pinned like the calls'); the first listener opens the stream. */
  subscribe(listener: (event: LiveEvent) => void): () => void {
    return this.eventStream().subscribe(listener);
  }

  /** The workstation's view of the host as the event stream sees it (electron/workstation-events.ts). */
  onLinkState(listener: (state: HostLinkState) => void): () => void {
    return this.eventStream().onState(listener);
  }

  private eventStream(): HostEventStream {
    const { host, port, credential, events } = this.options;
    if (!credential) throw new Error('an unpaired workstation hears no announcements');
    // Not kept alive: the stream holds its connection for as long as it is open.
    this.events ??= new HostEventStream({ host, port, credential, agent: new PinnedAgent(this.fingerprint, false), ...events });
    return this.events;
  }

  /**
   * A call that went out on a kept-alive connection which then turned out
   * dead (the host restarted since: it keeps idle connections longer than
   * this client, so it never drops a live one) is sent once more on a fresh
   * connection — if it writes nothing. A write is never sent twice: a host
   * killed between its commit and its answer looks the same from here, and a
   * second 登记 or 联系记录 would then be recorded. The clerk is told the save
   * may or may not have happened, and looks before doing it again.
   */
  async call(sessionId: string | null, method: string, input: unknown): Promise<CallOutcome> {
    const body = JSON.stringify({ method, input });
    const writes = !isMethodName(method) || contract[method].writes;
    // Each dead connection found is gone for good; at most HOST_CONNECTIONS were kept.
    const deadline = performance.now() + (this.options.timeoutMs ?? 60_000);
    for (let attempt = 0; attempt <= HOST_CONNECTIONS; attempt += 1) {
      const outcome = await this.slots.run(async () => {
        // Time spent waiting for a free connection counts against the call's time limit.
        const left = Math.ceil(deadline - performance.now());
        return left > 0 ? this.post(sessionId, body, left) : this.unreachable();
      });
      if (outcome !== STALE_CONNECTION) return outcome;
      if (writes) return this.interrupted();
    }
    return this.unreachable();
  }

  private interrupted(): CallOutcome {
    const { host, port } = this.options;
    return failed('HOST_UNREACHABLE', `与办公室主机（${host}:${port}）的连接在保存时中断，这次操作可能已经保存，也可能没有。请先刷新页面核对，确实没有保存再重新操作；页面上填写的内容仍在。`);
  }

  private post(sessionId: string | null, body: string, timeoutMs: number): Promise<CallOutcome | typeof STALE_CONNECTION> {
    const { host, port, credential } = this.options;
    return new Promise((resolve) => {
      const req = request(
        {
          host,
          port,
          path: '/rpc',
          method: 'POST',
          agent: this.agent,
          headers: {
            'Content-Type': 'application/json',
            'Content-Length': Buffer.byteLength(body),
            ...(credential ? { Authorization: `${WORKSTATION_AUTH_SCHEME} ${credential}` } : {}),
            ...(sessionId ? { [SESSION_HEADER]: sessionId } : {}),
          },
          timeout: timeoutMs,
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('error', () => resolve(this.unreachable()));
          res.on('end', () => resolve(parseReply(res.statusCode ?? 0, Buffer.concat(chunks).toString('utf8'))));
        },
      );
      req.on('timeout', () => req.destroy(Object.assign(new Error('timeout'), { code: 'ETIMEDOUT' })));
      req.on('error', (error: Error & { code?: string }) => {
        if (error.code === 'HOST_CERTIFICATE_CHANGED') return resolve(failed('HOST_CERTIFICATE_CHANGED', HOST_CERTIFICATE_CHANGED_MESSAGE));
        if (req.reusedSocket && (error.code === 'ECONNRESET' || error.code === 'EPIPE')) return resolve(STALE_CONNECTION);
        resolve(this.unreachable());
      });
      req.end(body);
    });
  }

  private unreachable(): CallOutcome {
    const { host, port } = this.options;
    return failed('HOST_UNREACHABLE', `连接不上办公室主机（${host}:${port}）。请检查本机网络、网线，以及主机是否开机并在运行；恢复后会自动重新连接，已填写但未保存的内容仍在页面上。`);
  }

  /** The TLS handshakes of this workstation's calls so far (the office bench reports them). */
  get handshakes(): HandshakeCounts {
    return { ...this.agent.handshakes };
  }

  /** The pinned fingerprint, 64 hex digits. */
  get pinnedFingerprint(): string {
    return this.fingerprint;
  }

  async close(): Promise<void> {
    this.events?.stop();
    this.agent.destroy();
  }
}

function failed(code: ErrorCode, message: string): CallOutcome {
  return { result: { ok: false, error: { code, message } }, session: null };
}

/** The host answers `{ result, session }`; a refusal before the desk (Host, size) is a bare result. */
function parseReply(status: number, text: string): CallOutcome {
  try {
    const body = JSON.parse(text) as Partial<CallOutcome> & Partial<{ ok: boolean }>;
    if (body && typeof body === 'object' && 'result' in body && body.result) return { result: body.result, session: body.session ?? null };
    if (body && typeof body === 'object' && 'ok' in body) return { result: body as RpcResult<unknown>, session: null };
  } catch {
    // fall through: not an answer of the office host
  }
  return failed('HOST_UNREACHABLE', `办公室主机返回了无法识别的内容（HTTP ${status}），请确认填写的是办公室主机的地址和端口`);
}
