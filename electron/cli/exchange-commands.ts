import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { join, resolve } from 'node:path';
import type { ExchangeExportResult, ExchangeKeyView, JobView } from '../../shared/contract';
import { formatFingerprint, generateSm2KeyPair, keyIdOf } from '../../db/exchange/package-file';
import { KeyFileError, publicKeyDocument, readPrivateKeyFile, readPublicKeyFile, writePrivateKeyFile } from '../../db/exchange/key-files';
import { PROVINCE_CODE } from '../../db/exchange/receipts';
import { keyProviderFrom, PROVINCE_KEY_ENV } from '../../db/keys';
import { makePrivateDir } from '../../db/private-files';
import { packagesIn } from '../../province/node-io';
import { openPgReceiverStore } from '../../province/pg/store';
import { receivePackage } from '../../province/receive';
import { SqliteReceiverStore } from '../../province/sqlite-store';
import type { ReceiverStore } from '../../province/store';
import { openDesk, str, type Options } from './commands';
import { CliError, requireOption, unwrap } from './io';

type Print = (line: string) => void;

/** `command`: held as the only desk (changing keys); without it the call runs beside a running desk (reading the public key). */
function asAdmin(options: Options, env: NodeJS.ProcessEnv, method: string, input: unknown, command?: string): unknown {
  const desk = openDesk(options, env, command);
  try {
    return unwrap(desk.callAsCommandLine(userInfo().username, method, input));
  } finally {
    desk.close();
  }
}

export function many(options: Options, name: string): string[] {
  const value = options[name];
  return Array.isArray(value) ? value : typeof value === 'string' ? [value] : [];
}

/** `keys init|export|import-province`: the county's key pair and the province's public key. */
export function keysCommand(sub: string | undefined, options: Options, env: NodeJS.ProcessEnv, print: Print): number {
  switch (sub) {
    case 'init': {
      const key = asAdmin(options, env, 'exchange.generateCountyKey', { reason: str(options, 'reason') ?? '命令行生成本县交换密钥' }, 'keys init') as ExchangeKeyView;
      print(`已生成本县交换密钥，指纹：${key.fingerprint}（请与省级电话核对）`);
      return 0;
    }
    case 'export': {
      const out = resolve(requireOption(str(options, 'out'), 'out'));
      const file = asAdmin(options, env, 'exchange.exportPublicKey', {}) as { content: string };
      writeFileSync(out, file.content);
      print(`本县公钥已写入 ${out}`);
      return 0;
    }
    case 'import-province': {
      const path = resolve(requireOption(str(options, 'file'), 'file'));
      let content: string;
      try {
        content = readFileSync(path, 'utf8');
      } catch {
        throw new CliError(`无法读取文件：${path}`, 2);
      }
      const key = asAdmin(options, env, 'exchange.importProvinceKey', { fileName: path, content }, 'keys import-province') as ExchangeKeyView;
      print(`已导入省级公钥，指纹：${key.fingerprint}`);
      return 0;
    }
    default:
      throw new CliError('用法：keys init|export|import-province --db PATH …', 2);
  }
}

/** `export --db PATH --out DIR`: one export run, waited for (for Task Scheduler / cron). */
export async function exportCommand(options: Options, env: NodeJS.ProcessEnv, print: Print): Promise<number> {
  const desk = openDesk(options, env, 'export');
  try {
    const out = str(options, 'out');
    const started = unwrap(desk.callAsCommandLine(userInfo().username, 'exchange.exportStart', out ? { outboxDir: resolve(out) } : {})) as JobView;
    // --progress: one line when the export starts and at each tenth, for Task Scheduler / cron logs.
    let lastTenth = -1;
    const ticker = options.progress
      ? setInterval(() => {
          const { done, total } = desk.jobs.get(started.id, null).progress;
          const tenth = total > 0 ? Math.floor((done / total) * 10) : 0;
          if (tenth !== lastTenth) print(`导出进度 ${done}/${total}`);
          lastTenth = tenth;
        }, 10)
      : null;
    if (options.progress) print('开始导出');
    const job = await desk.jobs.settled(started.id).finally(() => ticker && clearInterval(ticker));
    if (job.state !== 'done') throw new CliError(`导出失败：${job.error ?? job.state}`, 1);
    const result = job.result as ExchangeExportResult;
    if (result.sequence === null) print('没有新的变更，未生成数据包');
    else print(`${result.recovered ? '补记上次中断的' : '已生成'}第 ${result.sequence} 号数据包 ${result.fileName}：${result.records} 条记录，${result.size} 字节`);
    if (options.json) print(JSON.stringify(result));
    return 0;
  } finally {
    desk.close();
  }
}

/** `province keygen --out DIR [--code 320000]`: the province's key pair (province.key stays at the province). */
export async function provinceKeygen(options: Options, print: Print): Promise<number> {
  const dir = resolve(requireOption(str(options, 'out'), 'out'));
  const code = str(options, 'code') ?? PROVINCE_CODE;
  mkdirSync(dir, { recursive: true });
  const pair = generateSm2KeyPair();
  const keyId = keyIdOf(pair.publicKey);
  const createdAt = new Date().toISOString();
  const name = str(options, 'name') ?? '江苏省就业监测系统';
  try {
    await writePrivateKeyFile(join(dir, 'province.key'), { code, name, keyId, publicKey: pair.publicKey, privateKey: pair.privateKey, createdAt });
  } catch {
    throw new CliError(`${join(dir, 'province.key')} 已存在或无法写入，不会覆盖`, 1);
  }
  writeFileSync(join(dir, 'province.pub'), publicKeyDocument({ code, name, keyId, publicKey: pair.publicKey, createdAt }));
  print(`已生成省级密钥：${join(dir, 'province.key')}（保密）与 ${join(dir, 'province.pub')}，指纹 ${formatFingerprint(keyId)}`);
  return 0;
}

/**
 * The province's receiving database holds every received citizen: it is
 * encrypted with a key of its own, from --db-key-file (made with the database
 * the first time) or EMPLOYMENT_DESK_PROVINCE_DB_KEY. An existing database
 * without its key is refused, never given a new one.
 */
function provinceDatabaseKey(dbPath: string, options: Options, env: NodeJS.ProcessEnv): Buffer {
  const keyFile = str(options, 'db-key-file');
  if (!keyFile && !env[PROVINCE_KEY_ENV]) {
    throw new CliError(`省级接收库需要密钥：请用 --db-key-file 指定密钥文件（首次接收时生成），或设置环境变量 ${PROVINCE_KEY_ENV}`, 2);
  }
  const keys = keyProviderFrom({ ...(keyFile ? { keyFile: resolve(keyFile) } : {}), env, envName: PROVINCE_KEY_ENV });
  const key = keys.load();
  if (key) return key;
  if (existsSync(dbPath)) throw new CliError(`省级接收库 ${dbPath} 已存在，但找不到它的密钥（${keys.describe()}）`, 2);
  return keys.create();
}

/** The province's store: PostgreSQL (--pg URL) or an encrypted SQLite file (--db PATH --db-key-file FILE), never both. */
async function openReceiverStore(options: Options, env: NodeJS.ProcessEnv): Promise<ReceiverStore> {
  const url = str(options, 'pg');
  const db = str(options, 'db');
  if (url && db) throw new CliError('--pg 与 --db 只能选一个：接收到 PostgreSQL 或接收到 SQLite 文件', 2);
  if (url) {
    if (!/^postgres(ql)?:\/\//.test(url)) throw new CliError('--pg 应为 postgres://… 形式的连接地址', 2);
    return openPgReceiverStore(url);
  }
  const dbPath = resolve(requireOption(db, 'db（或 --pg）'));
  return SqliteReceiverStore.open(dbPath, provinceDatabaseKey(dbPath, options, env));
}

/** `receive --in DIR --key province.key --sender county.pub (--db PROVINCE.db --db-key-file FILE | --pg URL) [--receipts DIR]`. */
export async function receiveCommand(options: Options, env: NodeJS.ProcessEnv, print: Print): Promise<number> {
  const inDir = resolve(requireOption(str(options, 'in'), 'in'));
  let province;
  let senders;
  try {
    province = await readPrivateKeyFile(resolve(requireOption(str(options, 'key'), 'key')), '省级私钥');
    const senderFiles = many(options, 'sender');
    if (senderFiles.length === 0) throw new CliError('缺少参数 --sender（县级公钥文件，可给多个）', 2);
    senders = await Promise.all(senderFiles.map((f) => readPublicKeyFile(resolve(f), '县级公钥')));
  } catch (error) {
    if (error instanceof KeyFileError) throw new CliError(error.message, 2);
    throw error;
  }
  const receipts = str(options, 'receipts');
  if (receipts) makePrivateDir(resolve(receipts));
  const store = await openReceiverStore(options, env);
  try {
    const files = await packagesIn(inDir);
    if (files.length === 0) print(`${inDir} 中没有数据包`);
    for (const file of files) {
      const outcome = await receivePackage(
        store,
        file,
        { province: { code: province.code, keyId: province.keyId, privateKey: province.privateKey }, senders: senders.map((s) => ({ code: s.code, keyId: s.keyId, publicKey: s.publicKey })) },
        receipts ? resolve(receipts) : null,
        new Date(),
      );
      if (outcome.status === 'refused') {
        print(`拒收 ${outcome.file}：[${outcome.code}] ${outcome.message}`);
        return 3;
      }
      print(`已接收 ${outcome.file}（第 ${outcome.sequence} 号）：接受 ${outcome.accepted} 条，退回 ${outcome.rejected} 条${outcome.receipt ? `，回执 ${outcome.receipt}` : ''}`);
    }
    return 0;
  } finally {
    await store.close();
  }
}
