import { parseArgs } from 'node:util';
import { CliError } from './io';
import { IMPORT_KINDS, importSheet } from './import-command';
import { exportCommand, keysCommand, provinceKeygen, receiveCommand } from './exchange-commands';
import { importProvinceFeed, provinceIssuePolicy, provincePublish } from './province-feed-commands';
import { auditVerify, userAdd, userList, userResetPassword, userSetDisabled, userUnlock } from './admin-commands';
import { backupCommand } from './backup-commands';
import { policiesTest } from './policy-commands';
import { seedCommand } from './seed-command';
import { workstationCommand } from './workstation-commands';
import { contractEntries, dbCheck, init, personsAdd, personsFind, type Options } from './commands';

const USAGE = `用法：npm run cli -- <命令> [参数]
  init --db PATH --county CODE --admin NAME [--admin-name 姓名] [--also-front-desk]
       [--key-file FILE] [--password-file FILE | 环境变量 EMPLOYMENT_DESK_ADMIN_PASSWORD]
  persons add  --db PATH --user NAME --id-number ID --name 姓名 [--phone 手机] [--json]
  persons find --db PATH --user NAME --query 内容 [--json]
       （密码：--password-file FILE 或环境变量 EMPLOYMENT_DESK_PASSWORD）
  user add --db PATH --username NAME --role ROLE [--role ROLE2] [--name 姓名] --password-file FILE
  user disable|enable --db PATH --username NAME [--reason 原因]
  user reset-password --db PATH --username NAME --password-file FILE
  user unlock --db PATH --username NAME [--reason 原因]   解除登录限制（密码错误次数清零；工作台运行时也可用）
  user list --db PATH
       （角色：front_desk 前台经办, counselor 职业指导员, reviewer 审核员, head 局领导, admin 系统管理员）
  audit verify --db PATH        （哈希链完整时退出码 0，否则指出第一处断裂）
  db check --db PATH
  policies test --db PATH       运行政策库全部测试用例（启用中与草稿版本）；有未通过的退出码 1
  import persons|enterprises|vacancies FILE.xlsx --db PATH [--dry-run] [--all-or-nothing] [--json] [--user NAME --password-file FILE]
  keys init --db PATH [--reason 原因]            生成本县交换密钥（再次执行即更换，旧密钥保留备查）
  keys export --db PATH --out county.pub        导出本县公钥，交省级
  keys import-province --db PATH --file province.pub
  export --db PATH [--out DIR] [--json] [--progress]  导出一个数据包到发送目录（可由计划任务/cron 调用）
  province keygen --out DIR [--code 320000]     （省级）生成 province.key 与 province.pub
  receive --in DIR --key province.key --sender county.pub [--sender …] --db PROVINCE.db
          --db-key-file FILE [--receipts DIR]   （省级）按序接收目录中的数据包，拒收时退出码 3；接收库加密，
                                                密钥文件（首次与接收库一同生成）或环境变量 EMPLOYMENT_DESK_PROVINCE_DB_KEY
  receive --in DIR --key province.key --sender county.pub [--sender …] --pg postgres://… [--receipts DIR]
                                                （省级）同上，接收到 PostgreSQL（首次连接时建表，之后自动迁移）
  province publish --county CODE --recipient county.pub --key province.key --pg postgres://… --out DIR
                                                （省级）生成发给该县的下一个省级下发数据包（本县人员在外县的状态与补贴、下发的政策版本）
  province issue-policy --pg postgres://… --file DEFINITION.json [--county CODE …]
                                                （省级）下发一个政策版本（含测试用例）给各县或所列县，随下一次下发数据送达
  import-province-feed --db PATH [--key-file FILE] --in DIR
                                                按序导入文件夹中发给本县的省级下发数据包；拒收时退出码 3
  seed --db PATH --scale demo|county|city --seed N [--as-of YYYY-MM-DD] [--county 320506] [--json]
                                                生成演示数据（合成的人员、企业、业务；相同参数结果相同）
  backup create --db PATH [--out DIR] [--json]  备份数据库（加密，同一密钥）与附件到一个文件夹（默认数据目录下 backups）
  backup verify --from DIR [--json]             校验备份：逐个文件核对校验值，检查数据库完整性；有问题时退出码 3
  backup restore --from DIR --db PATH [--force] （须先退出工作台）先校验再恢复；已有数据库须加 --force，原库改名保留
  workstation pair --data-dir DIR --host 主机地址 --port 端口 [--fingerprint 指纹 --code 配对码 --name 工作站名称]
                                                把本机配对为办公室主机的工作站（不加 --fingerprint 时只显示主机证书指纹供核对）
  workstation status|unpair --data-dir DIR      查看配对 / 解除配对（DIR：工作台的数据文件夹）
  contract --json
数据库密钥：--key-file FILE 或环境变量 EMPLOYMENT_DESK_DB_KEY`;

const OPTIONS = {
  db: { type: 'string' },
  'key-file': { type: 'string' },
  'db-key-file': { type: 'string' },
  pg: { type: 'string' },
  recipient: { type: 'string' },
  county: { type: 'string' },
  admin: { type: 'string' },
  'admin-name': { type: 'string' },
  'also-front-desk': { type: 'boolean' },
  'password-file': { type: 'string' },
  user: { type: 'string' },
  'id-number': { type: 'string' },
  name: { type: 'string' },
  phone: { type: 'string' },
  query: { type: 'string' },
  username: { type: 'string' },
  role: { type: 'string', multiple: true },
  reason: { type: 'string' },
  json: { type: 'boolean' },
  'dry-run': { type: 'boolean' },
  'all-or-nothing': { type: 'boolean' },
  help: { type: 'boolean' },
  out: { type: 'string' },
  file: { type: 'string' },
  in: { type: 'string' },
  key: { type: 'string' },
  sender: { type: 'string', multiple: true },
  receipts: { type: 'string' },
  code: { type: 'string' },
  progress: { type: 'boolean' },
  scale: { type: 'string' },
  seed: { type: 'string' },
  'as-of': { type: 'string' },
  from: { type: 'string' },
  force: { type: 'boolean' },
  'data-dir': { type: 'string' },
  host: { type: 'string' },
  port: { type: 'string' },
  fingerprint: { type: 'string' },
} as const;

type Print = (line: string) => void;
type Run<R> = (options: Options, env: NodeJS.ProcessEnv, print: Print, words: string[]) => R;

/**
 * A command that finishes before it answers. It is named by the whole line of
 * words (`persons add`, so `persons add extra` is not it) and exits 0 unless
 * it throws.
 */
interface Finishes {
  waits: false;
  run: Run<number>;
}

/**
 * A command named by its first word, which reads the words after it itself
 * (`import persons FILE.xlsx`, `backup create`) and answers its own exit code.
 * Only runCliAsync runs these, and awaits them: import, export, receive, seed
 * and backup wait for their work.
 */
interface Waits {
  waits: true;
  run: Run<number | Promise<number>>;
}

const finishes = (run: Run<void>): Finishes => ({
  waits: false,
  run: (...args) => {
    run(...args);
    return 0;
  },
});
const waits = (run: Waits['run']): Waits => ({ waits: true, run });

/** Every command of USAGE. A Map, so no word such as `constructor` finds anything it did not put there. */
const COMMANDS = new Map<string, Finishes | Waits>([
  ['init', finishes(init)],
  ['persons add', finishes(personsAdd)],
  ['persons find', finishes(personsFind)],
  ['user add', finishes(userAdd)],
  ['user disable', finishes((options, env, print) => userSetDisabled(true, options, env, print))],
  ['user enable', finishes((options, env, print) => userSetDisabled(false, options, env, print))],
  ['user reset-password', finishes(userResetPassword)],
  ['user unlock', finishes(userUnlock)],
  ['user list', finishes(userList)],
  ['audit verify', finishes(auditVerify)],
  ['db check', finishes(dbCheck)],
  ['policies test', finishes(policiesTest)],
  ['contract', finishes((_options, _env, print) => print(JSON.stringify(contractEntries(), null, 2)))],
  ['import', waits((options, env, print, [kind = '', file]) => {
    if (!(kind in IMPORT_KINDS)) throw new CliError(`不支持的导入类型：${kind}（支持 import persons、enterprises、vacancies）`, 2);
    return importSheet(kind as keyof typeof IMPORT_KINDS, file, options, env, print);
  })],
  ['keys', waits((options, env, print, [sub]) => keysCommand(sub, options, env, print))],
  ['export', waits(exportCommand)],
  ['province', waits((options, _env, print, [sub]) => {
    if (sub === 'publish') return provincePublish(options, print);
    if (sub === 'issue-policy') return provinceIssuePolicy(options, print);
    if (sub !== 'keygen') throw new CliError('用法：province keygen --out DIR、province publish --county CODE … 或 province issue-policy --file FILE …', 2);
    return provinceKeygen(options, print);
  })],
  ['import-province-feed', waits(importProvinceFeed)],
  ['receive', waits(receiveCommand)],
  ['seed', waits(seedCommand)],
  ['backup', waits((options, env, print, [sub]) => backupCommand(sub, options, env, print))],
  ['workstation', waits((options, _env, print, [sub]) => workstationCommand(sub, options, print))],
]);

function parse(argv: string[]): { options: Options; positionals: string[] } {
  const { values, positionals } = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true });
  return { options: values as Options, positionals };
}

/** The commands that finish before they answer; a command that waits shows the usage here. */
export function runCli(argv: string[], env: NodeJS.ProcessEnv, print: Print): number {
  let parsed;
  try {
    parsed = parse(argv);
  } catch (error) {
    print(`参数有误：${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const { options, positionals } = parsed;
  const command = positionals.join(' ');
  const entry = COMMANDS.get(command);
  try {
    if (entry && !entry.waits) return entry.run(options, env, print, []);
    print(USAGE);
    return command === '' || options.help ? 0 : 2;
  } catch (error) {
    return reportFailure(error, print);
  }
}

/** One line for staff or a script's log, and the exit code: 2 for usage errors, 1 otherwise. */
function reportFailure(error: unknown, print: Print): number {
  print(`错误：${(error as Error).message}`);
  return error instanceof CliError ? error.exitCode : 1;
}

/** The command line's entry: a command that waits is awaited here; every other one runs through runCli. */
export async function runCliAsync(argv: string[], env: NodeJS.ProcessEnv, print: Print): Promise<number> {
  const entry = COMMANDS.get(argv[0] ?? '');
  if (!entry?.waits) return runCli(argv, env, print);
  try {
    const { options, positionals } = parse(argv);
    return await entry.run(options, env, print, positionals.slice(1));
  } catch (error) {
    return reportFailure(error, print);
  }
}
