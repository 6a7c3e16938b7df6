import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { keyProviderFrom } from '../../db/keys';
import { DEFAULT_SEED_COUNTY, SEED_SCALES, seedDatabase } from '../../db/seed/seed';
import { officeDate } from '../../shared/domain/dates';
import { isIsoDate } from '../../shared/domain/calendar';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, SEED_SCALE_NAMES, type SeedScale } from '../../shared/demo';
import { appPaths, appVersion } from '../paths';
import { str, type Options } from './commands';
import { CliError, requireOption } from './io';

type Print = (line: string) => void;

/**
 * `seed --db PATH --scale demo|county|city --seed N [--as-of YYYY-MM-DD] [--county CODE] [--key-file FILE] [--json]`:
 * a new database of synthetic data (演示数据), never over an existing file.
 * The same arguments give the same content; the digest printed at the end shows it.
 * Progress goes to stderr, so --json output stays one object on stdout.
 */
export async function seedCommand(options: Options, env: NodeJS.ProcessEnv, print: Print): Promise<number> {
  const dbPath = resolve(requireOption(str(options, 'db'), 'db'));
  const scale = str(options, 'scale') ?? 'demo';
  if (!(SEED_SCALE_NAMES as readonly string[]).includes(scale)) throw new CliError(`--scale 应为 ${SEED_SCALE_NAMES.join('、')} 之一`, 2);
  const seedText = str(options, 'seed') ?? '1';
  const seed = Number(seedText);
  if (!Number.isInteger(seed) || seed < 0 || seed > 2 ** 31) throw new CliError('--seed 应为非负整数', 2);
  const asOf = str(options, 'as-of') ?? officeDate(new Date());
  if (!isIsoDate(asOf)) throw new CliError('--as-of 应为日期 YYYY-MM-DD', 2);
  const keyFile = str(options, 'key-file');
  if (!keyFile && !env.EMPLOYMENT_DESK_DB_KEY) throw new CliError('请用 --key-file 指定密钥文件（不存在时自动生成），或设置环境变量 EMPLOYMENT_DESK_DB_KEY', 2);
  mkdirSync(dirname(dbPath), { recursive: true });
  if (keyFile) mkdirSync(dirname(resolve(keyFile)), { recursive: true, mode: 0o700 });
  const paths = appPaths();
  let lastShown = 0;
  const summary = await seedDatabase({
    dbPath,
    keys: keyProviderFrom({ ...(keyFile ? { keyFile: resolve(keyFile) } : {}), env }),
    migrationsDir: paths.migrationsDir,
    resourcesDir: paths.resourcesDir,
    appVersion: appVersion(),
    scale: scale as SeedScale,
    seed,
    asOf,
    countyCode: str(options, 'county') ?? DEFAULT_SEED_COUNTY,
    worker: scale !== 'demo',
    log: () => undefined,
    progress: (phase, done, total) => {
      if (options.progress === true || Date.now() - lastShown > 2000 || done === total) {
        lastShown = Date.now();
        process.stderr.write(`${phase} ${done}/${total}\n`);
      }
    },
  });
  if (options.json) {
    print(JSON.stringify({ dbPath, ...summary }));
  } else {
    const size = SEED_SCALES[summary.scale];
    print(`已生成演示数据（${summary.scale}，种子 ${summary.seed}，截至 ${summary.asOf}）：${dbPath}`);
    print(`人员 ${size.persons} 人，企业 ${summary.enterprises} 家，业务 ${summary.cases} 件，经服务层调用 ${summary.serviceCalls} 次，用时 ${summary.seconds} 秒`);
    print(`内容摘要（相同参数应相同）：${summary.digest ?? ''}`);
    print(`演示账号（密码均为 ${DEMO_PASSWORD}）：${DEMO_ACCOUNTS.map((a) => `${a.username} ${a.displayName}`).join('；')}`);
    for (const refusal of summary.refusals.slice(0, 20)) print(`被拒绝的调用：${refusal}`);
  }
  // A refused call means the seed is not what it claims to be: scripts and tests notice.
  return summary.refusals.length > 0 ? 1 : 0;
}
