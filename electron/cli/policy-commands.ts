import { userInfo } from 'node:os';
import type { PolicyListItem, PolicyVersionView } from '../../shared/contract';
import { openDesk, type Options } from './commands';
import { CliError, unwrap } from './io';

type Print = (line: string) => void;

/**
 * `policies test`: every policy's stored test cases (政策库 测试用例), for the
 * version in force and any draft — the check an administrator runs before
 * activating, and CI can run on a copy. Exit 1 when any case fails. Runs beside
 * a running desk: it only reads.
 */
export function policiesTest(options: Options, env: NodeJS.ProcessEnv, print: Print): void {
  const desk = openDesk(options, env);
  try {
    const call = (method: string, input: unknown) => unwrap(desk.callAsCommandLine(userInfo().username, method, input));
    let failed = 0;
    let cases = 0;
    for (const policy of call('policies.list', {}) as PolicyListItem[]) {
      for (const version of (call('policies.get', { code: policy.code }) as PolicyVersionView[]).filter((v) => v.status !== 'retired')) {
        cases += version.storedCases;
        const label = `${version.definition.name}（${version.code}）第${version.version}版${version.status === 'draft' ? '（草稿）' : ''}`;
        if (version.failingCases.length === 0 && version.problems.length === 0) {
          print(`通过 ${label}：${version.storedCases} 个测试用例`);
          continue;
        }
        failed += version.failingCases.length + version.problems.length;
        for (const problem of version.problems) print(`错误 ${label}：${problem.message}`);
        for (const failure of version.failingCases) print(`未通过 ${label}：${failure.name}（应为 ${failure.expected}，实为 ${failure.got}）`);
      }
    }
    if (failed > 0) throw new CliError(`政策测试未全部通过：${failed} 处问题（共 ${cases} 个用例）`, 1);
    print(`全部通过：共 ${cases} 个测试用例`);
  } finally {
    desk.close();
  }
}
