import { hostname, networkInterfaces } from 'node:os';
import { formatFingerprint } from '../shared/domain/office';
export { DEFAULT_OFFICE_PORT } from '../shared/domain/office';
import type { DeskClient } from './desk-client';
import { createOfficeServer, type OfficeServer } from './office-server';
import { CONSOLE_LINES } from '../shared/labels/console-lines';

/**
 * Starting the office host's TLS port beside a desk thread: office mode is
 * switched on when it was off (the desk makes and keeps the certificate), and
 * the port listens on every interface — the only thing of this app that
 * listens beyond loopback, and only here.
 */
export type OfficeHostStarted = { ok: true; server: OfficeServer; fingerprint: string; names: string[] } | { ok: false; message: string };

export async function startOfficeHost(
  desk: DeskClient,
  {
    port,
    names,
    osUser,
    switchOn = true,
    portOption,
    log = (line: string) => console.log(line),
  }: { port: number; names: string[]; osUser: string; switchOn?: boolean; /** The command-line option that sets the port, named when it is taken. */ portOption?: string; log?: (line: string) => void },
): Promise<OfficeHostStarted> {
  const setup = await desk.officeHost(names, osUser, switchOn);
  if (!setup.ok) return { ok: false, message: `办公室主机未能开启：${setup.message}` };
  const server = createOfficeServer({ desk, certificate: setup.certificate, hostNames: setup.names });
  const listening = await new Promise<string | null>((resolve) => {
    server.once('error', (error: Error & { code?: string }) =>
      resolve(error.code === 'EADDRINUSE' ? portTaken(port, portOption) : `办公室主机端口无法打开（${error.code ?? error.name}）`),
    );
    server.listen(port, () => resolve(null));
  });
  if (listening) return { ok: false, message: listening };
  const address = server.address();
  const actual = typeof address === 'object' && address ? address.port : port;
  const fingerprint = formatFingerprint(setup.certificate.fingerprint);
  log(CONSOLE_LINES.officePort(actual, setup.names));
  log(CONSOLE_LINES.fingerprint(fingerprint));
  log(CONSOLE_LINES.officeServing(actual));
  return { ok: true, server, fingerprint, names: setup.names };
}

function portTaken(port: number, portOption: string | undefined): string {
  return portOption ? `端口 ${port} 已被其他程序占用，请换一个端口（${portOption}）` : `端口 ${port} 已被其他程序占用，请关闭占用它的程序后重新开启办公室模式`;
}

/** This computer's name and its LAN IPv4 addresses: what workstations may type to reach it. */
export function defaultOfficeNames(): string[] {
  const addresses = Object.values(networkInterfaces())
    .flat()
    .filter((info) => info && info.family === 'IPv4' && !info.internal)
    .map((info) => info!.address);
  return [...new Set([hostname().toLowerCase(), ...addresses, 'localhost', '127.0.0.1'])].filter((n) => /^[A-Za-z0-9.:-]+$/.test(n));
}
