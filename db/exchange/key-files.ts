import { readFile, writeFile } from 'node:fs/promises';
import { keyIdOf } from './package-file';
import { DIVISION_CODE } from '../../shared/exchange/keys';
import { isSm2PrivateKey, isSm2PublicKey, sm2PublicKeyOf } from '../../shared/exchange/sm';

/**
 * Key files exchanged by the county and the province: a small JSON document
 * naming the holder (6-digit division code), the key id (SM3 fingerprint of
 * the public key) and the key in hex. The private key file never leaves the
 * machine that made it.
 */
export const PUBLIC_KEY_FORMAT = 'JYFW-SM2-PUBLIC-KEY';
export const PRIVATE_KEY_FORMAT = 'JYFW-SM2-PRIVATE-KEY';

export interface PublicKeyFile {
  format: typeof PUBLIC_KEY_FORMAT;
  code: string;
  name: string;
  keyId: string;
  publicKey: string;
  createdAt: string;
}

export interface PrivateKeyFile extends Omit<PublicKeyFile, 'format'> {
  format: typeof PRIVATE_KEY_FORMAT;
  privateKey: string;
}

export class KeyFileError extends Error {}

async function readJson(path: string, what: string): Promise<Record<string, unknown>> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw new KeyFileError(`无法读取${what}文件：${path}`);
  }
  try {
    const value = JSON.parse(text) as unknown;
    if (typeof value === 'object' && value !== null) return value as Record<string, unknown>;
  } catch {
    // fall through
  }
  throw new KeyFileError(`${what}文件不是本系统的密钥文件：${path}`);
}

export function parsePublicKeyFile(value: Record<string, unknown>, what = '公钥'): PublicKeyFile {
  const { format, code, keyId, publicKey } = value;
  if (format !== PUBLIC_KEY_FORMAT) throw new KeyFileError(`${what}文件格式不对（应为 ${PUBLIC_KEY_FORMAT}）`);
  if (typeof code !== 'string' || !DIVISION_CODE.test(code)) throw new KeyFileError(`${what}文件中的单位代码应为6位数字`);
  if (typeof publicKey !== 'string' || !isSm2PublicKey(publicKey)) throw new KeyFileError(`${what}文件中的公钥不是有效的 SM2 公钥`);
  if (keyId !== keyIdOf(publicKey)) throw new KeyFileError(`${what}文件中的密钥标识与公钥不符，文件可能被改动`);
  return { format, code, keyId, publicKey, name: typeof value.name === 'string' ? value.name : code, createdAt: String(value.createdAt ?? '') };
}

export async function readPublicKeyFile(path: string, what = '公钥'): Promise<PublicKeyFile> {
  return parsePublicKeyFile(await readJson(path, what), what);
}

export async function readPrivateKeyFile(path: string, what = '私钥'): Promise<PrivateKeyFile> {
  const value = await readJson(path, what);
  const { format, privateKey } = value;
  if (format !== PRIVATE_KEY_FORMAT) throw new KeyFileError(`${what}文件格式不对（应为 ${PRIVATE_KEY_FORMAT}）`);
  if (typeof privateKey !== 'string' || !isSm2PrivateKey(privateKey)) throw new KeyFileError(`${what}文件中的私钥无效`);
  const pub = parsePublicKeyFile({ ...value, format: PUBLIC_KEY_FORMAT }, what);
  if (sm2PublicKeyOf(privateKey) !== pub.publicKey) throw new KeyFileError(`${what}文件中的私钥与公钥不匹配`);
  return { ...pub, format: PRIVATE_KEY_FORMAT, privateKey };
}

export function publicKeyDocument(key: Omit<PublicKeyFile, 'format'>): string {
  return `${JSON.stringify({ format: PUBLIC_KEY_FORMAT, code: key.code, name: key.name, keyId: key.keyId, publicKey: key.publicKey, createdAt: key.createdAt }, null, 2)}\n`;
}

export async function writePrivateKeyFile(path: string, key: Omit<PrivateKeyFile, 'format'>): Promise<void> {
  await writeFile(path, `${JSON.stringify({ ...key, format: PRIVATE_KEY_FORMAT }, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
}
