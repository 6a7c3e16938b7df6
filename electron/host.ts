import { mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { buildDemo } from '../db/demo';
import { Desk } from '../db/desk';
import { startExchangeScheduler } from './exchange-scheduler';
import { keyProviderFrom } from '../db/keys';
import { defaultLocations } from './data-dir';
import { createHostServer } from './host-server';
import { appPaths, appVersion } from './paths';

/**
 * `npm run host -- --db PATH [--key-file FILE] [--port N]`: the backend and the
 * built UI on 127.0.0.1, without Electron. Prints `listening http://…` when ready.
 */
const { values } = parseArgs({
  options: {
    db: { type: 'string' },
    'key-file': { type: 'string' },
    port: { type: 'string', default: '5680' },
  },
});

const defaults = defaultLocations(process.platform, process.env, homedir());
const dbPath = resolve(values.db ?? defaults.dbPath);
const keyFile = values['key-file'] ?? (process.env.EMPLOYMENT_DESK_DB_KEY ? undefined : defaults.keyFile);
if (keyFile) mkdirSync(dirname(resolve(keyFile)), { recursive: true, mode: 0o700 });

const paths = appPaths();
const desk = new Desk({
  dbPath,
  keys: keyProviderFrom({ ...(keyFile ? { keyFile: resolve(keyFile) } : {}), env: process.env }),
  migrationsDir: paths.migrationsDir,
  resourcesDir: paths.resourcesDir,
  appVersion: appVersion(),
  lock: `浏览器服务（端口 ${values.port}）`,
  demo: buildDemo,
});
// A second desk on the same database is refused before it serves anything: the message names the running one.
const opening = desk.state();
if (opening.state === 'in_use') {
  console.error(opening.message);
  process.exit(1);
}
const server = createHostServer({ desk, rendererDir: paths.rendererDir });
const stopScheduler = startExchangeScheduler(desk, (line) => console.log(line));
const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`端口号不正确：${values.port}`);
  process.exit(2);
}
server.listen(port, '127.0.0.1', () => {
  const address = server.address();
  const actual = typeof address === 'object' && address ? address.port : port;
  console.log(`数据库：${dbPath}（${desk.state().state}）`);
  console.log(`listening http://127.0.0.1:${actual}/`);
});

function shutdown() {
  stopScheduler();
  server.close();
  desk.close();
  process.exit(0);
}
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
