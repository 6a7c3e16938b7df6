import type { AddressInfo } from 'node:net';
import { onTestFinished } from 'vitest';
import { loadOfficeCertificate, type OfficeCertificate } from '../../db/office-certificate';
import type { CallOutcome } from '../../db/desk-options';
import { createOfficeServer, officeRoutes, type OfficeRoute, type OfficeServer } from '../../electron/office-server';
import { WorkstationClient, type WorkstationClientOptions } from '../../electron/workstation-client';
import { pairWorkstation, type WorkstationConfig } from '../../electron/workstation-pairing';
import type { OfficeStatusView, PairingCodeView } from '../../shared/contract';
import { expectOk, readyDesk, type ReadyDesk } from './helpers';

/**
 * An office host on loopback: a real desk (encrypted SQLite built by the
 * migrations) switched to 办公室主机 by its administrator, served over real TLS
 * with the certificate made at switch-on.
 */
export interface OfficeHost {
  ready: ReadyDesk;
  port: number;
  certificate: OfficeCertificate;
  /** Paths the office port answered, in order (to show that nothing reached it). */
  served: string[];
  status: OfficeStatusView;
  issueCode(): string;
  /** The next /rpc call is carried out, then its connection dropped instead of answered: a host killed between its commit and its answer. */
  dropNextAnswer(): void;
  stop(): Promise<void>;
  /** Serves again on the same port (after stop). */
  start(certificate?: OfficeCertificate): Promise<void>;
}

/** `heartbeatMs`: how often an open event stream asks again whether its workstation may hear (shortened in tests). */
export async function startOfficeHost({ heartbeatMs }: { heartbeatMs?: number } = {}): Promise<OfficeHost> {
  const ready = readyDesk();
  const status = expectOk<OfficeStatusView>(ready.call('office.switchOn', { names: ['127.0.0.1', 'localhost'] }));
  const certificate = loadOfficeCertificate(ready.desk.dataDir)!;
  const served: string[] = [];
  let dropNext = false;
  const counting: Record<string, OfficeRoute> = Object.fromEntries(
    Object.entries(officeRoutes(heartbeatMs ? { heartbeatMs } : {})).map(([path, route]) => [path, ((req, res, desk) => {
      served.push(path);
      if (path === '/rpc' && dropNext) {
        dropNext = false;
        res.writeHead = (() => res) as typeof res.writeHead;
        res.end = (() => (req.socket.destroy(), res)) as typeof res.end;
      }
      return route(req, res, desk);
    }) as OfficeRoute]),
  );
  let server: OfficeServer | null = null;
  let port = 0;
  const host: OfficeHost = {
    ready,
    certificate,
    served,
    status,
    get port() {
      return port;
    },
    issueCode: () => expectOk<PairingCodeView>(ready.call('office.issuePairingCode', {})).code,
    dropNextAnswer: () => {
      dropNext = true;
    },
    stop: async () => {
      const closing = server;
      server = null;
      if (!closing) return;
      const closed = new Promise<void>((resolve) => closing.close(() => resolve()));
      // Kept-alive connections of the workstations must not keep the port open.
      closing.closeAllConnections();
      await closed;
    },
    start: async (cert = certificate) => {
      const next = createOfficeServer({ desk: ready.desk, certificate: cert, hostNames: status.names, routes: counting });
      await new Promise<void>((resolve) => next.listen(port, '127.0.0.1', resolve));
      port = (next.address() as AddressInfo).port;
      server = next;
    },
  };
  await host.start();
  onTestFinished(() => host.stop());
  return host;
}

export interface Workstation {
  config: WorkstationConfig;
  client: WorkstationClient;
  /** The staff session held at this workstation (as Electron's main process holds it per window). */
  session: string | null;
  call(method: string, input?: unknown): Promise<CallOutcome['result']>;
}

/** Pairs a workstation named `name` with a fresh code and returns its client, as the workstation's shell would use it. */
export async function pairedWorkstation(host: OfficeHost, name: string, port = host.port, events?: WorkstationClientOptions['events']): Promise<Workstation> {
  const paired = await pairWorkstation({ host: '127.0.0.1', port, fingerprint: host.certificate.fingerprint, code: host.issueCode(), name });
  if (!paired.ok) throw new Error(`pairing failed: ${paired.error.message}`);
  return workstationFor(paired.config, events);
}

export function workstationFor(config: WorkstationConfig, events?: WorkstationClientOptions['events']): Workstation {
  const client = new WorkstationClient({ ...config, ...(events ? { events } : {}) });
  onTestFinished(() => client.close());
  const ws: Workstation = {
    config,
    client,
    session: null,
    call: async (method, input = {}) => {
      const outcome = await client.call(ws.session, method, input);
      if (outcome.session && 'set' in outcome.session) ws.session = outcome.session.set;
      else if (outcome.session) ws.session = null;
      return outcome.result;
    },
  };
  return ws;
}
