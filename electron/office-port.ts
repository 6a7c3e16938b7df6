import type { CallOutcome } from '../db/desk-options';
import type { DeskCaller } from './desk-protocol';
import type { DeskClient } from './desk-client';
import { startOfficeHost } from './office-host-start';
import type { OfficeServer } from './office-server';
import { CONSOLE_LINES } from '../shared/labels/console-lines';

/**
 * The office host's TLS port, following the desk's office mode while the app
 * runs: opened at start when office mode is on, opened when the administrator
 * switches it on (系统管理 → 办公室模式) and closed when she switches it off —
 * no restart. Nothing else opens it, so the app listens beyond loopback only
 * while office mode is on.
 */
export interface OfficePortOptions {
  port: number;
  names: string[];
  osUser: string;
  /** The command-line option that sets the port (the plain host's --office-port), named when it is taken. */
  portOption?: string;
  log?: (line: string) => void;
}

export class OfficePort {
  private server: OfficeServer | null = null;
  /** The port once it listened (asked for as 0, a free one): opened again on the same number, where the workstations were paired. */
  private lastPort: number | null = null;
  /** One change at a time: a switch-on and a switch-off in quick succession are carried out in order. */
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly desk: DeskClient,
    private readonly options: OfficePortOptions,
  ) {}

  /** The port's number while it listens, else null. */
  get listeningOn(): number | null {
    const address = this.server?.address();
    return typeof address === 'object' && address ? address.port : null;
  }

  /** Opens the port if office mode is on (never switches it on). */
  follow(): Promise<void> {
    return this.enqueue(async () => {
      if (this.server) return;
      const port = this.lastPort ?? this.options.port;
      const started = await startOfficeHost(this.desk, { ...this.options, port, switchOn: false, log: this.options.log ?? (() => undefined) });
      if (started.ok) this.adopt(started.server);
      else if (!started.message.endsWith('办公室模式未开启')) this.options.log?.(started.message);
    });
  }

  /** Takes over a port already opened (the host's `--office` opens it at start, switching office mode on). */
  adopt(server: OfficeServer): void {
    this.server = server;
    this.lastPort = this.listeningOn;
  }

  /** Closes the port and its workstations' connections. */
  close(): Promise<void> {
    return this.enqueue(async () => {
      const server = this.server;
      const port = this.listeningOn;
      this.server = null;
      if (!server) return;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
      if (port !== null) this.options.log?.(CONSOLE_LINES.officeClosed(port));
    });
  }

  /** After a call answered: a switch-on that succeeded opens the port, a switch-off that succeeded closes it. */
  afterCall(method: string, outcome: CallOutcome): Promise<void> {
    if (!outcome.result.ok) return Promise.resolve();
    if (method === 'office.switchOn') return this.follow();
    if (method === 'office.switchOff') return this.close();
    return Promise.resolve();
  }

  private enqueue(work: () => Promise<void>): Promise<void> {
    this.queue = this.queue.then(work, work);
    return this.queue;
  }
}

/** `desk` as the window's (or the loopback host's) caller: each answered call is shown to the office port first. */
export function followingOfficeMode(desk: DeskCaller, port: OfficePort): DeskCaller {
  return {
    call: async (sessionId, method, input, client, office) => {
      const outcome = await desk.call(sessionId, method, input, client, office);
      await port.afterCall(method, outcome);
      return outcome;
    },
    ...(desk.subscribe ? { subscribe: desk.subscribe.bind(desk) } : {}),
    ...(desk.sessionAlive ? { sessionAlive: desk.sessionAlive.bind(desk) } : {}),
  };
}
