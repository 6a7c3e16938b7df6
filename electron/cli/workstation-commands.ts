import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { formatFingerprint, normalizeFingerprint } from '../../shared/domain/office';
import { loadWorkstationConfig, pairWorkstation, readHostFingerprint, saveWorkstationConfig, WORKSTATION_CONFIG_FILE } from '../workstation-pairing';
import { CliError, requireOption } from './io';

type Print = (line: string) => void;

export interface WorkstationOptions {
  'data-dir'?: string;
  host?: string;
  port?: string;
  code?: string;
  name?: string;
  fingerprint?: string;
}

/**
 * `workstation pair|status|unpair --data-dir DIR …`: makes this installation a
 * 工作站 of the office host (or an installation of its own again). The
 * fingerprint is typed from the host's screen: without it the command only
 * shows what the host at that address presents, to compare.
 */
export async function workstationCommand(sub: string | undefined, options: WorkstationOptions, print: Print): Promise<number> {
  const dataDir = requireOption(options['data-dir'], 'data-dir');
  if (sub === 'status') {
    const config = loadWorkstationConfig(dataDir);
    print(config ? `本机是工作站「${config.name}」，办公室主机 ${config.host}:${config.port}\n证书指纹：\n${formatFingerprint(config.fingerprint)}` : '本机未与办公室主机配对（使用本机数据库）');
    return 0;
  }
  if (sub === 'unpair') {
    const path = join(dataDir, WORKSTATION_CONFIG_FILE);
    if (existsSync(path)) rmSync(path);
    print('已解除配对：本机下次启动时不再连接办公室主机。请系统管理员在主机上撤销该工作站。');
    return 0;
  }
  if (sub !== 'pair') throw new CliError('用法：workstation pair|status|unpair --data-dir DIR …', 2);
  if (loadWorkstationConfig(dataDir)) throw new CliError('本机已与办公室主机配对；如需重新配对，请先执行 workstation unpair', 2);
  const host = requireOption(options.host, 'host');
  const port = Number(requireOption(options.port, 'port'));
  if (!Number.isInteger(port) || port <= 0 || port > 65535) throw new CliError(`端口号不正确：${options.port}`, 2);
  if (!options.fingerprint) {
    const seen = await readHostFingerprint(host, port);
    if (!seen.ok) throw new CliError(seen.error.message);
    print(`${host}:${port} 出示的证书指纹：\n${formatFingerprint(seen.fingerprint)}`);
    print('请与办公室主机屏幕上显示的指纹逐组核对；一致时，加上 --fingerprint "上面的指纹" 再执行一次。');
    return 2;
  }
  if (!normalizeFingerprint(options.fingerprint)) throw new CliError('证书指纹应为 64 位十六进制数字（可按 4 位一组，用空格分开）', 2);
  const paired = await pairWorkstation({
    host,
    port,
    fingerprint: options.fingerprint,
    code: requireOption(options.code, 'code'),
    name: requireOption(options.name, 'name'),
  });
  if (!paired.ok) throw new CliError(paired.error.message + Object.values(paired.error.fields ?? {}).map((m) => `\n  ${m}`).join(''));
  saveWorkstationConfig(dataDir, paired.config);
  print(`配对成功：本机是工作站「${paired.config.name}」。重新启动工作台后即连接办公室主机。`);
  return 0;
}
