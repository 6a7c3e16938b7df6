import { parentPort, workerData } from 'node:worker_threads';
import { buildDemo } from '../db/demo';
import { Desk } from '../db/desk';
import { AppError } from '../db/errors';
import { keyProviderFrom, KEY_ENV, type KeyProvider } from '../db/keys';
import { prepareOfficeHost } from '../db/office-host';
import { startBackupScheduler } from './backup-scheduler';
import type { DeskKeySource, DeskReply, DeskRequest, DeskThreadOptions } from './desk-protocol';
import { startExchangeScheduler } from './exchange-scheduler';
import { startWelfareScheduler } from './welfare-scheduler';
import { CONSOLE_LINES } from '../shared/labels/console-lines';

/**
 * The desk thread: owns the database, the sessions and the schedules, and
 * answers the shell's requests one by one (electron/desk-client.ts). Started
 * by the browser host and by Electron's main process, which then only relay.
 */
function keyProvider(source: DeskKeySource): KeyProvider {
  if (source.kind === 'files') {
    return keyProviderFrom({ ...(source.keyFile ? { keyFile: source.keyFile } : {}), env: source.envKey ? { [KEY_ENV]: source.envKey } : {} });
  }
  const key = source.key ? Buffer.from(source.key) : null;
  const unavailable = () => new AppError('DATABASE_UNAVAILABLE', source.problem ?? `找不到数据库密钥（${source.describe}）`);
  return {
    load: () => {
      if (source.problem) throw unavailable();
      return key;
    },
    create: () => {
      if (!key) throw unavailable();
      return key;
    },
    describe: () => source.describe,
  };
}

const options = workerData as DeskThreadOptions;
const port = parentPort!;
const log = (line: string) => console.log(line);
const INTERNAL = { code: 'INTERNAL', message: '系统内部错误，操作未完成，数据未改动。请重试或联系管理员。' } as const;

/** The desk, or why it could not even be made (a malformed EMPLOYMENT_DESK_DB_KEY, no key source). */
function openDesk(): Desk | string {
  try {
    return new Desk({
      dbPath: options.dbPath,
      keys: keyProvider(options.keySource),
      migrationsDir: options.migrationsDir,
      resourcesDir: options.resourcesDir,
      appVersion: options.appVersion,
      lock: options.lock,
      ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
      ...(options.offerDemo ? { demo: buildDemo } : {}),
      ...(options.jobThreadEntry ? { jobThreadEntry: options.jobThreadEntry } : {}),
    });
  } catch (error) {
    return error instanceof AppError ? error.message : '后台服务无法启动，请联系管理员';
  }
}

const opened = openDesk();
const stops =
  typeof opened === 'string'
    ? []
    : [
      ...(options.schedulers.exchange ? [startExchangeScheduler(opened, log)] : []),
      ...(options.schedulers.backups ? [startBackupScheduler(opened, log)] : []),
      ...(options.schedulers.dailyChecks ? [startWelfareScheduler(opened, log)] : []),
    ];

function answer(desk: Desk, request: DeskRequest): unknown {
  switch (request.kind) {
    case 'call':
      try {
        const outcome = desk.call(request.session, request.method, request.input, request.client, request.office);
        return request.json ? JSON.stringify(outcome) : outcome;
      } catch (error) {
        // The router answers every refusal itself; this is the desk failing around it.
        console.error(CONSOLE_LINES.callFailed(request.method.slice(0, 80), (error as Error | undefined)?.name ?? ''));
        const failedCall = { result: { ok: false, error: INTERNAL }, session: null };
        return request.json ? JSON.stringify(failedCall) : failedCall;
      }
    case 'state':
      return desk.state();
    case 'alive':
      return desk.sessionAlive(request.session, request.office);
    case 'officeHost':
      try {
        return prepareOfficeHost(desk, request.names, request.osUser, request.switchOn);
      } catch (error) {
        console.error(CONSOLE_LINES.officeNotPrepared((error as Error | undefined)?.name ?? ''));
        return { ok: false, message: '办公室主机无法开启：证书未能生成或读取，请检查数据文件夹的权限' };
      }
    case 'close':
      for (const stop of stops) stop();
      desk.close();
      return null;
  }
}

function refusal(message: string, request: DeskRequest): unknown {
  if (request.kind === 'state') return { state: 'unavailable', message };
  if (request.kind === 'alive') return false;
  if (request.kind === 'close') return null;
  if (request.kind === 'officeHost') return { ok: false, message };
  const unavailable = { result: { ok: false, error: { code: 'DATABASE_UNAVAILABLE', message } }, session: null };
  return request.kind === 'call' && request.json ? JSON.stringify(unavailable) : unavailable;
}

port.on('message', (request: DeskRequest) => {
  const value = typeof opened === 'string' ? refusal(opened, request) : answer(opened, request);
  port.postMessage({ kind: 'reply', seq: request.seq, value } satisfies DeskReply);
  if (request.kind === 'close') port.close();
});
if (typeof opened !== 'string') opened.subscribe((event) => port.postMessage({ kind: 'event', event } satisfies DeskReply));
port.postMessage({ kind: 'ready' } satisfies DeskReply);
