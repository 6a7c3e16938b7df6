import { mkdirSync } from 'node:fs';
import { homedir, userInfo } from 'node:os';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { KEY_ENV } from '../db/keys';
import { defaultLocations } from './data-dir';
import { DeskClient } from './desk-client';
import { createHostServer } from './host-server';
import { DEFAULT_OFFICE_PORT, defaultOfficeNames, startOfficeHost } from './office-host-start';
import { followingOfficeMode, OfficePort } from './office-port';
import { appPaths, appVersion } from './paths';
import { CONSOLE_LINES } from '../shared/labels/console-lines';

/**
 * `npm run host -- --db PATH [--key-file FILE] [--port N]`: the backend and the
 * built UI on 127.0.0.1, without Electron. The desk runs in its own thread
 * (electron/desk-thread.ts); this thread only serves HTTP. Prints
 * `listening http://…` when ready.
 *
 * `--office`: 办公室主机 as a service. Office mode is switched on (if it was
 * off), and the port N serves paired workstations over TLS on every network
 * interface; the UI for the administrator stays on 127.0.0.1 at --ui-port.
 * `--name` (repeatable) gives the addresses workstations use, at the first
 * switch-on; by default this computer's name and LAN addresses.
 *
 * Without `--office` the host still follows office mode, as the Electron
 * shell does (electron/office-port.ts): when it is on at start, or the
 * administrator switches it on in 系统管理 → 办公室模式, the office port
 * (`--office-port`, default 5681) opens over TLS; switched off, it closes.
 */
const { values } = parseArgs({
  options: {
    db: { type: 'string' },
    'key-file': { type: 'string' },
    port: { type: 'string' },
    office: { type: 'boolean', default: false },
    'ui-port': { type: 'string', default: '5680' },
    'office-port': { type: 'string', default: String(DEFAULT_OFFICE_PORT) },
    name: { type: 'string', multiple: true },
  },
});

const portOf = (text: string | undefined): number => {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 0 || n > 65535) {
    console.error(CONSOLE_LINES.badPort(text ?? ''));
    process.exit(2);
  }
  return n;
};
const port = portOf(values.port ?? (values.office ? String(DEFAULT_OFFICE_PORT) : '5680'));
const uiPort = values.office ? portOf(values['ui-port']) : port;
/** Where the office port opens when office mode is on: --port with --office, else --office-port. */
const officePortNumber = values.office ? port : portOf(values['office-port']);
if (values.office && uiPort === port && port !== 0) {
  console.error(CONSOLE_LINES.samePorts);
  process.exit(2);
}
const defaults = defaultLocations(process.platform, process.env, homedir());
const dbPath = resolve(values.db ?? defaults.dbPath);
const envKey = process.env[KEY_ENV];
const keyFile = values['key-file'] ?? (envKey ? undefined : defaults.keyFile);
if (keyFile) mkdirSync(dirname(resolve(keyFile)), { recursive: true, mode: 0o700 });

const paths = appPaths();
const desk = new DeskClient(new URL('./desk-thread.mjs', import.meta.url), {
  dbPath,
  keySource: { kind: 'files', ...(keyFile ? { keyFile: resolve(keyFile) } : {}), ...(envKey ? { envKey } : {}) },
  migrationsDir: paths.migrationsDir,
  resourcesDir: paths.resourcesDir,
  appVersion: appVersion(),
  lock: values.office ? `办公室主机服务（端口 ${port}）` : `浏览器服务（端口 ${port}）`,
  offerDemo: true,
  jobThreadEntry: fileURLToPath(new URL('../db/job-thread.mjs', import.meta.url)),
  schedulers: { exchange: true, backups: false, dailyChecks: true },
});
// A second desk on the same database is refused before it serves anything: the message names the running one.
const opening = await desk.state();
if (opening.state === 'in_use') {
  console.error(opening.message);
  await desk.close();
  process.exit(1);
}
const office = values.office ? await startOfficeHost(desk, { port, names: values.name ?? defaultOfficeNames(), osUser: userInfo().username, portOption: '--port' }) : null;
if (office && !office.ok) {
  console.error(office.message);
  await desk.close();
  process.exit(1);
}
// The administrator's page may switch office mode off and on again: the port follows (electron/office-port.ts).
const osUser = userInfo().username;
const officePort = new OfficePort(desk, {
  port: officePortNumber,
  names: office?.ok ? office.names : (values.name ?? defaultOfficeNames()),
  osUser,
  portOption: '--office-port',
  log: (line) => console.log(line),
});
if (office?.ok) officePort.adopt(office.server);
// A desk not yet set up has no office mode to follow until its administrator switches it on.
else if (opening.state === 'ready') await officePort.follow();
const server = createHostServer({ desk: followingOfficeMode(desk, officePort), rendererDir: paths.rendererDir });
server.listen(uiPort, '127.0.0.1', () => {
  const address = server.address();
  const actual = typeof address === 'object' && address ? address.port : uiPort;
  console.log(CONSOLE_LINES.database(dbPath, opening.state));
  console.log(CONSOLE_LINES.serving(`http://127.0.0.1:${actual}/`));
});

async function shutdown(): Promise<void> {
  await officePort.close();
  server.close();
  server.closeAllConnections();
  await desk.close();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown());
process.on('SIGTERM', () => void shutdown());
