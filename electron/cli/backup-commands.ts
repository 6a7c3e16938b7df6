import { userInfo } from 'node:os';
import { resolve } from 'node:path';
import type { BackupCreated, JobView } from '../../shared/contract';
import { restoreBackup } from '../../db/backup/restore';
import { acquireDeskLock } from '../../db/desk-lock';
import { checkWithKey, verifyBackup } from '../../db/backup/verify';
import { keyProviderFrom } from '../../db/keys';
import { openDesk, str, type Options } from './commands';
import { CliError, requireOption, unwrap } from './io';

type Print = (line: string) => void;

function keyFrom(options: Options, env: NodeJS.ProcessEnv): Buffer {
  const keyFile = str(options, 'key-file');
  const provider = keyProviderFrom({ ...(keyFile ? { keyFile: resolve(keyFile) } : {}), env });
  const key = provider.load();
  if (!key) throw new CliError(`找不到数据库密钥（${provider.describe()}）`, 2);
  return key;
}

/** `backup create --db PATH [--out DIR] [--json]`: one backup, waited for (Task Scheduler / cron). */
async function create(options: Options, env: NodeJS.ProcessEnv, print: Print): Promise<number> {
  const desk = openDesk(options, env);
  try {
    const out = str(options, 'out');
    const started = unwrap(desk.callAsCommandLine(userInfo().username, 'backups.start', out ? { targetDir: resolve(out) } : {})) as JobView;
    const job = await desk.jobs.settled(started.id);
    if (job.state !== 'done') throw new CliError(`备份失败：${job.error ?? job.state}`, 1);
    const result = job.result as BackupCreated;
    print(`已备份到 ${result.folder}：${result.files} 个文件，${result.size} 字节`);
    if (options.json) print(JSON.stringify(result));
    return 0;
  } finally {
    desk.close();
  }
}

/** `backup verify --from DIR`: exit 0 when every file and the database check out, 3 otherwise. */
async function verify(options: Options, env: NodeJS.ProcessEnv, print: Print): Promise<number> {
  const from = resolve(requireOption(str(options, 'from'), 'from'));
  const { manifest: _m, ...verdict } = await verifyBackup(from, checkWithKey(keyFrom(options, env)));
  if (options.json) print(JSON.stringify(verdict));
  if (verdict.ok) {
    print(`备份完好：${from}，${verdict.files} 个文件与清单一致，数据库完整性与外键检查通过`);
    return 0;
  }
  print(`备份有问题：${from}`);
  for (const problem of verdict.problems) print(`  ${problem}`);
  return 3;
}

/** `backup restore --from DIR --db PATH [--force]`: verified first; an existing database is only ever moved aside. */
async function restore(options: Options, env: NodeJS.ProcessEnv, print: Print): Promise<number> {
  const dbPath = resolve(requireOption(str(options, 'db'), 'db'));
  // Held while restoring: a running desk refuses the restore by name, and no desk starts on a half-restored folder.
  let lock;
  try {
    lock = acquireDeskLock(dbPath, '命令行 backup restore');
  } catch (error) {
    throw new CliError((error as Error).message, 1);
  }
  let outcome;
  try {
    outcome = await restoreBackup({
      from: resolve(requireOption(str(options, 'from'), 'from')),
      dbPath,
      key: keyFrom(options, env),
      force: options.force === true,
      now: new Date(),
    });
  } finally {
    lock.release();
  }
  for (const path of outcome.movedAside) print(`原有文件已改名保留：${path}`);
  print(`已恢复数据库到 ${outcome.dbPath}${outcome.attachments > 0 ? `，附件 ${outcome.attachments} 个` : ''}`);
  return 0;
}

export async function backupCommand(sub: string | undefined, options: Options, env: NodeJS.ProcessEnv, print: Print): Promise<number> {
  switch (sub) {
    case 'create':
      return create(options, env, print);
    case 'verify':
      return verify(options, env, print);
    case 'restore':
      return restore(options, env, print);
    default:
      throw new CliError('用法：backup create|verify|restore …', 2);
  }
}
