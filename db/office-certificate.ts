import { generateKeyPairSync, randomBytes, sign, X509Certificate, type KeyObject } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { join } from 'node:path';
import { normalizeFingerprint } from '../shared/domain/office';
import { makePrivateDir, PRIVATE_FILE_MODE } from './private-files';

/**
 * The office host's TLS certificate: self-signed (EC P-256, ECDSA-SHA256),
 * made once when office mode is switched on and kept beside the database, the
 * key readable by the desk's own account only. Workstations do not trust it
 * through a CA: they pin its SHA-256 fingerprint, read aloud at pairing, so
 * the names in it only help a curious reader.
 *
 * It is written with node:crypto and the few DER shapes below rather than a
 * certificate library: that is all a self-signed leaf needs, and it can be
 * made synchronously inside the desk's call.
 */
export interface OfficeCertificate {
  certPem: string;
  keyPem: string;
  /** 64 upper-case hex digits. */
  fingerprint: string;
}

export const CERT_FILE = 'office-host.crt';
export const KEY_FILE = 'office-host.key';
const VALID_YEARS = 10;

/** The folder holding the certificate: `office/` beside the database. */
export function officeDir(dataDir: string): string {
  return join(dataDir, 'office');
}

/** The kept certificate, or null before office mode was first switched on. */
export function loadOfficeCertificate(dataDir: string): OfficeCertificate | null {
  const dir = officeDir(dataDir);
  const certPath = join(dir, CERT_FILE);
  const keyPath = join(dir, KEY_FILE);
  if (!existsSync(certPath) || !existsSync(keyPath)) return null;
  const certPem = readFileSync(certPath, 'utf8');
  return { certPem, keyPem: readFileSync(keyPath, 'utf8'), fingerprint: fingerprintOf(certPem) };
}

/** The kept certificate, made first when there is none. */
export function ensureOfficeCertificate(dataDir: string, names: readonly string[], now: Date): OfficeCertificate {
  const kept = loadOfficeCertificate(dataDir);
  if (kept) return kept;
  const made = makeSelfSignedCertificate(names, now);
  const dir = officeDir(dataDir);
  makePrivateDir(dir);
  // 'wx': two desks never overwrite each other's key; the key is private from its first byte.
  writeFileSync(join(dir, KEY_FILE), made.keyPem, { mode: PRIVATE_FILE_MODE, flag: 'wx' });
  writeFileSync(join(dir, CERT_FILE), made.certPem, { mode: 0o644, flag: 'wx' });
  return made;
}

export function fingerprintOf(certPem: string): string {
  return normalizeFingerprint(new X509Certificate(certPem).fingerprint256)!;
}

/** A new key pair and a self-signed certificate naming `names` (host names or IP addresses). */
export function makeSelfSignedCertificate(names: readonly string[], now: Date): OfficeCertificate {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const commonName = '就业服务工作台办公室主机';
  const name = seq(set(seq(oid('2.5.4.3'), tlv(0x0c, Buffer.from(commonName, 'utf8')))));
  const serial = randomBytes(16);
  serial[0]! &= 0x7f; // a positive INTEGER
  serial[0]! |= 0x01; // and no leading zero byte to strip
  const notAfter = new Date(now);
  notAfter.setUTCFullYear(now.getUTCFullYear() + VALID_YEARS);
  const altNames = names.map((n) => (isIP(n) ? tlv(0x87, ipBytes(n)) : tlv(0x82, Buffer.from(n, 'ascii'))));
  const extensions = seq(
    seq(oid('2.5.29.19'), tlv(0x01, Buffer.from([0xff])), tlv(0x04, seq())), // basicConstraints: critical, not a CA
    ...(altNames.length > 0 ? [seq(oid('2.5.29.17'), tlv(0x04, seq(...altNames)))] : []),
  );
  const ecdsaWithSha256 = seq(oid('1.2.840.10045.4.3.2'));
  const tbs = seq(
    tlv(0xa0, tlv(0x02, Buffer.from([0x02]))), // version 3
    tlv(0x02, serial),
    ecdsaWithSha256,
    name,
    seq(time(new Date(now.getTime() - 60_000)), time(notAfter)),
    name,
    publicKey.export({ type: 'spki', format: 'der' }),
    tlv(0xa3, extensions),
  );
  const signature = sign('sha256', tbs, privateKey as KeyObject); // DER ECDSA-Sig-Value
  const der = seq(tbs, ecdsaWithSha256, tlv(0x03, Buffer.concat([Buffer.from([0]), signature])));
  const certPem = `-----BEGIN CERTIFICATE-----\n${der.toString('base64').match(/.{1,64}/g)!.join('\n')}\n-----END CERTIFICATE-----\n`;
  const keyPem = privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
  return { certPem, keyPem, fingerprint: fingerprintOf(certPem) };
}

function tlv(tag: number, content: Buffer): Buffer {
  const n = content.length;
  const length = n < 0x80 ? Buffer.from([n]) : n < 0x100 ? Buffer.from([0x81, n]) : n < 0x10000 ? Buffer.from([0x82, n >> 8, n & 0xff]) : Buffer.from([0x83, n >> 16, (n >> 8) & 0xff, n & 0xff]);
  return Buffer.concat([Buffer.from([tag]), length, content]);
}

function seq(...items: Buffer[]): Buffer {
  return tlv(0x30, Buffer.concat(items));
}

function set(...items: Buffer[]): Buffer {
  return tlv(0x31, Buffer.concat(items));
}

function oid(dotted: string): Buffer {
  const [a, b, ...rest] = dotted.split('.').map(Number);
  const bytes = [a! * 40 + b!];
  for (const arc of rest) {
    const groups = [arc & 0x7f];
    for (let v = arc >>> 7; v > 0; v >>>= 7) groups.unshift((v & 0x7f) | 0x80);
    bytes.push(...groups);
  }
  return tlv(0x06, Buffer.from(bytes));
}

/** UTCTime up to 2049, GeneralizedTime after (RFC 5280 §4.1.2.5). */
function time(at: Date): Buffer {
  const iso = at.toISOString().replace(/[-:T]/g, '').slice(0, 14) + 'Z';
  return at.getUTCFullYear() < 2050 ? tlv(0x17, Buffer.from(iso.slice(2), 'ascii')) : tlv(0x18, Buffer.from(iso, 'ascii'));
}

function ipBytes(address: string): Buffer {
  if (isIP(address) === 4) return Buffer.from(address.split('.').map(Number));
  const [head = '', tail = ''] = address.split('::');
  const part = (s: string) => (s ? s.split(':') : []);
  const h = part(head);
  const t = part(tail);
  const groups = address.includes('::') ? [...h, ...Array<string>(8 - h.length - t.length).fill('0'), ...t] : h;
  return Buffer.concat(groups.map((g) => Buffer.from([parseInt(g, 16) >> 8, parseInt(g, 16) & 0xff])));
}
