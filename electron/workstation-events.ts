import { request, type Agent } from 'node:https';
import type { IncomingMessage } from 'node:http';
import { LIVE_HEARTBEAT_MS, parseLiveEvent, type HostLinkState, type LiveEvent } from '../shared/live';
import { WORKSTATION_AUTH_SCHEME } from './office-server';

/**
 * A workstation's subscription to the office host's change announcements
 * (`GET /events` on the TLS port, electron/office-events.ts), relayed to its
 * window by the shell. It reconnects by itself: after a break it waits a
 * moment, longer after each failed try (up to half a minute), and again a
 * moment once a stream has been open. A stream that stays silent past two
 * heartbeats counts as broken (a cable pulled does not close a connection).
 *
 * Its state is the workstation's view of the host: `open` (hearing),
 * `connecting`, `unreachable` (the host cannot be reached now: the window
 * shows 主机连接中断，正在重新连接…) or `refused` (the host answers but will
 * not let this workstation hear: revoked, unpaired, office mode off).
 */
export type { HostLinkState };

export interface HostEventStreamOptions {
  host: string;
  port: number;
  credential: string;
  /** An agent that checks the pinned fingerprint on every connection (electron/workstation-client.ts). */
  agent: Agent;
  /** Waits before each reconnection try, in order; the last repeats. */
  retryMs?: readonly number[];
  /** Silence after which an open stream counts as broken. */
  silenceMs?: number;
}

export const RECONNECT_DELAYS_MS: readonly number[] = [1_000, 2_000, 5_000, 10_000, 30_000];

export class HostEventStream {
  private readonly listeners = new Set<(event: LiveEvent) => void>();
  private readonly stateListeners = new Set<(state: HostLinkState) => void>();
  private current: HostLinkState = 'connecting';
  private failures = 0;
  private stopped = false;
  private retry: NodeJS.Timeout | undefined;
  private abort: (() => void) | null = null;

  constructor(private readonly options: HostEventStreamOptions) {}

  get state(): HostLinkState {
    return this.current;
  }

  /** Hears each announcement; the first listener opens the stream. */
  subscribe(listener: (event: LiveEvent) => void): () => void {
    this.listeners.add(listener);
    if (!this.abort && !this.retry && !this.stopped) this.connect();
    return () => this.listeners.delete(listener);
  }

  onState(listener: (state: HostLinkState) => void): () => void {
    this.stateListeners.add(listener);
    return () => this.stateListeners.delete(listener);
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.retry);
    this.retry = undefined;
    this.abort?.();
    this.abort = null;
  }

  private setState(state: HostLinkState): void {
    if (state === this.current) return;
    this.current = state;
    for (const listener of this.stateListeners) {
      try {
        listener(state);
      } catch {
        // as above
      }
    }
  }

  private connect(): void {
    if (this.stopped) return;
    const { host, port, credential, agent, silenceMs = LIVE_HEARTBEAT_MS * 2 + 5_000 } = this.options;
    let ended = false;
    let watchdog: NodeJS.Timeout | undefined;
    const req = request({
      host,
      port,
      path: '/events',
      method: 'GET',
      agent,
      headers: { Accept: 'text/event-stream', Authorization: `${WORKSTATION_AUTH_SCHEME} ${credential}` },
    });
    const end = (state: HostLinkState) => {
      if (ended) return;
      ended = true;
      clearTimeout(watchdog);
      this.abort = null;
      req.destroy();
      if (this.stopped) return;
      this.setState(state);
      this.scheduleRetry();
    };
    const heard = () => {
      clearTimeout(watchdog);
      watchdog = setTimeout(() => end('unreachable'), silenceMs);
    };
    this.abort = () => {
      ended = true;
      clearTimeout(watchdog);
      req.destroy();
    };
    req.on('response', (res: IncomingMessage) => {
      if (res.statusCode !== 200) {
        res.resume();
        return end(res.statusCode === 401 || res.statusCode === 403 ? 'refused' : 'unreachable');
      }
      heard();
      res.setEncoding('utf8');
      let buffer = '';
      res.on('data', (chunk: string) => {
        heard();
        buffer += chunk;
        let cut: number;
        while ((cut = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, cut);
          buffer = buffer.slice(cut + 2);
          this.hear(block);
        }
      });
      res.on('end', () => end('unreachable'));
      res.on('error', () => end('unreachable'));
    });
    req.on('error', () => end('unreachable'));
    req.end();
  }

  /** One server-sent event block: `event: ready` opens, a `data:` line is an announcement, a comment is the heartbeat. */
  private hear(block: string): void {
    const lines = block.split('\n');
    if (lines.includes('event: ready')) {
      this.failures = 0;
      this.setState('open');
      return;
    }
    const data = lines.find((line) => line.startsWith('data: '));
    if (!data) return;
    let event: LiveEvent | null = null;
    try {
      event = parseLiveEvent(JSON.parse(data.slice('data: '.length)));
    } catch {
      return;
    }
    if (!event) return;
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch {
        // One listener's failure stops neither the stream nor the others.
      }
    }
  }

  private scheduleRetry(): void {
    const delays = this.options.retryMs ?? RECONNECT_DELAYS_MS;
    const wait = delays[Math.min(this.failures, delays.length - 1)]!;
    this.failures += 1;
    this.retry = setTimeout(() => {
      this.retry = undefined;
      this.connect();
    }, wait);
  }
}
