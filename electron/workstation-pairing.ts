import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { connect } from 'node:tls';
import type { PairedWorkstationView } from '../shared/contract';
import { normalizeFingerprint } from '../shared/domain/office';
import type { RpcError } from '../shared/rpc';
import { makePrivateDir, PRIVATE_FILE_MODE } from '../db/private-files';
import { WorkstationClient, type HostAddress } from './workstation-client';

/**
 * Pairing a workstation with the office host, and what it keeps afterwards:
 * the host's address, the pinned fingerprint and its credential — and nothing
 * else. The file is private (0600); it holds no citizen data.
 */
export interface WorkstationConfig extends HostAddress {
  mode: 'workstation';
  workstationId: number;
  name: string;
  credential: string;
}

export const WORKSTATION_CONFIG_FILE = 'workstation.json';

/**
 * The fingerprint the host at `host:port` shows now, to compare with the one
 * read aloud from the host's screen before pairing (groups of hex, 64 digits).
 */
export function readHostFingerprint(host: string, port: number, timeoutMs = 10_000): Promise<{ ok: true; fingerprint: string } | { ok: false; error: RpcError }> {
  return new Promise((resolve) => {
    const socket = connect({ host, port, rejectUnauthorized: false, ...(/^[\d.:]+$/.test(host) ? {} : { servername: host }) });
    const timer = setTimeout(() => socket.destroy(new Error('timeout')), timeoutMs);
    socket.once('secureConnect', () => {
      clearTimeout(timer);
      const fingerprint = normalizeFingerprint(socket.getPeerCertificate().fingerprint256 ?? '');
      socket.end();
      resolve(fingerprint ? { ok: true, fingerprint } : { ok: false, error: { code: 'HOST_UNREACHABLE', message: '对方没有出示办公室主机证书，请核对地址和端口' } });
    });
    socket.once('error', () => {
      clearTimeout(timer);
      resolve({ ok: false, error: { code: 'HOST_UNREACHABLE', message: `连接不上办公室主机（${host}:${port}），请核对地址、端口，以及主机防火墙是否放行该端口` } });
    });
  });
}

/**
 * Pairs with the host at `host:port` whose certificate must have `fingerprint`
 * (as read aloud from the host), using the one-time `code` shown there.
 */
export async function pairWorkstation(input: HostAddress & { code: string; name: string }): Promise<{ ok: true; config: WorkstationConfig } | { ok: false; error: RpcError }> {
  const fingerprint = normalizeFingerprint(input.fingerprint);
  if (!fingerprint) return { ok: false, error: { code: 'BAD_INPUT', message: '证书指纹应为 64 位十六进制数字（可按 4 位一组填写）', fields: { fingerprint: '证书指纹格式不正确' } } };
  const client = new WorkstationClient({ host: input.host, port: input.port, fingerprint, credential: null });
  try {
    const { result } = await client.call(null, 'office.pair', { code: input.code, name: input.name });
    if (!result.ok) return { ok: false, error: result.error };
    const paired = result.value as PairedWorkstationView;
    return {
      ok: true,
      config: { mode: 'workstation', host: input.host, port: input.port, fingerprint, workstationId: paired.workstationId, name: paired.name, credential: paired.credential },
    };
  } finally {
    await client.close();
  }
}

export function saveWorkstationConfig(dataDir: string, config: WorkstationConfig): void {
  makePrivateDir(dataDir);
  const path = join(dataDir, WORKSTATION_CONFIG_FILE);
  writeFileSync(path, JSON.stringify(config, null, 2), { mode: PRIVATE_FILE_MODE });
}

/** The saved pairing, or null when this installation is not a workstation (then it keeps its own database). */
export function loadWorkstationConfig(dataDir: string): WorkstationConfig | null {
  const path = join(dataDir, WORKSTATION_CONFIG_FILE);
  if (!existsSync(path)) return null;
  const parsed = JSON.parse(readFileSync(path, 'utf8')) as Partial<WorkstationConfig>;
  if (parsed.mode !== 'workstation' || !parsed.host || !parsed.port || !parsed.credential || !normalizeFingerprint(parsed.fingerprint ?? '')) {
    throw new Error(`${WORKSTATION_CONFIG_FILE} is not a workstation pairing`);
  }
  return parsed as WorkstationConfig;
}
