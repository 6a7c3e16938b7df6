import { readdirSync, readFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { join, resolve } from 'node:path';
import type { ProvinceFeedImportResult, ProvinceFeedStatus } from '../../shared/contract';
import { KeyFileError, readPrivateKeyFile, readPublicKeyFile } from '../../db/exchange/key-files';
import { publishFeed } from '../../province/pg/feed';
import { issuePolicyVersion, PolicyIssueError } from '../../province/pg/policies';
import { openPgReceiverStore } from '../../province/pg/store';
import { openDesk, str, type Options } from './commands';
import { many } from './exchange-commands';
import { CliError, requireOption, unwrap } from './io';

type Print = (line: string) => void;

const FEED_FILE = /^\d{6}-(\d{6})-(\d{8})\.jyf$/;

/** `province publish --county CODE --recipient county.pub --key province.key --pg URL --out DIR`: the county's next feed package. */
export async function provincePublish(options: Options, print: Print): Promise<number> {
  const county = requireOption(str(options, 'county'), 'county');
  if (!/^\d{6}$/.test(county)) throw new CliError('--county 应为6位县级行政区划代码', 2);
  let province;
  let recipient;
  try {
    province = await readPrivateKeyFile(resolve(requireOption(str(options, 'key'), 'key')), '省级私钥');
    recipient = await readPublicKeyFile(resolve(requireOption(str(options, 'recipient'), 'recipient')), '县级公钥');
  } catch (error) {
    if (error instanceof KeyFileError) throw new CliError(error.message, 2);
    throw error;
  }
  if (recipient.code !== county) throw new CliError(`--recipient 是 ${recipient.code} 的公钥，不是 --county ${county} 的`, 2);
  const url = requireOption(str(options, 'pg'), 'pg');
  const store = await openPgReceiverStore(url);
  try {
    const published = await publishFeed(store, {
      county,
      province: { code: province.code, keyId: province.keyId, privateKey: province.privateKey },
      recipient: { keyId: recipient.keyId, publicKey: recipient.publicKey },
      outDir: resolve(requireOption(str(options, 'out'), 'out')),
      now: new Date(),
    });
    print(
      `已生成发给 ${county} 的第 ${published.sequence} 号省级下发数据包 ${published.path}：外县状态 ${published.statuses} 条，外县补贴 ${published.subsidies} 条，下发政策版本 ${published.policies} 个，回执 ${published.receipts} 份`,
    );
    return 0;
  } finally {
    await store.close();
  }
}

/** `province issue-policy --pg URL --file DEFINITION.json [--county CODE …]`: a policy version for every county's feed, or for those named. */
export async function provinceIssuePolicy(options: Options, print: Print): Promise<number> {
  const file = resolve(requireOption(str(options, 'file'), 'file'));
  let definition: unknown;
  try {
    definition = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    throw new CliError(`无法读取政策定义文件（应为 JSON）：${file}`, 2);
  }
  const counties = many(options, 'county');
  const store = await openPgReceiverStore(requireOption(str(options, 'pg'), 'pg'));
  try {
    const issued = await issuePolicyVersion(store, { definition, counties: counties.length ? counties : null, now: new Date() });
    print(`已下发政策 ${issued.code} 第 ${issued.version} 版，对象：${counties.length ? counties.join('、') : '全省各县'}；随下一次省级下发数据送达`);
    return 0;
  } catch (error) {
    if (error instanceof PolicyIssueError) throw new CliError(error.message, 2);
    throw error;
  } finally {
    await store.close();
  }
}

/**
 * `import-province-feed --db PATH --key-file FILE --in DIR`: every feed package
 * of DIR for this county in sequence order. Files numbered at or below the
 * last one imported are passed over by name (the province's folder keeps its
 * old feeds); every other file goes through every check, and the first
 * refusal stops with exit code 3.
 */
export function importProvinceFeed(options: Options, env: NodeJS.ProcessEnv, print: Print): number {
  const dir = resolve(requireOption(str(options, 'in'), 'in'));
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => n.endsWith('.jyf')).sort();
  } catch {
    throw new CliError(`无法读取文件夹：${dir}`, 2);
  }
  const desk = openDesk(options, env, 'import-province-feed');
  try {
    const user = userInfo().username;
    const before = unwrap(desk.callAsCommandLine(user, 'provinceFeed.status', {})) as ProvinceFeedStatus;
    const imported = before.lastSequence ?? 0;
    const fresh = names.filter((n) => Number(FEED_FILE.exec(n)?.[2] ?? Infinity) > imported);
    if (fresh.length === 0) print(`${dir} 中没有新的省级下发数据包（已导入到第 ${imported} 号）`);
    for (const name of fresh) {
      const base64 = readFileSync(join(dir, name)).toString('base64');
      const result = desk.callAsCommandLine(user, 'provinceFeed.import', { fileName: name, base64 });
      if (!result.ok) {
        print(`拒收 ${name}：${result.error.message}`);
        return 3;
      }
      const done = result.value as ProvinceFeedImportResult;
      print(`已导入 ${name}（第 ${done.sequence} 号，省级数据截至 ${done.asOf}）：外县状态 ${done.statuses} 条，外县补贴 ${done.subsidies} 条，新下发政策版本 ${done.policies} 个（待审核启用），带回回执 ${done.receipts} 份`);
    }
    return 0;
  } finally {
    desk.close();
  }
}
