import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';

// N=2^15 costs ~100 ms per check here: slow for guessing, fine at a login window.
const N = 32768;
const R = 8;
const P = 1;
const KEY_LENGTH = 32;

export function hashPassword(password: string): string {
  const salt = randomBytes(16);
  const hash = scryptSync(password.normalize('NFC'), salt, KEY_LENGTH, { N, r: R, p: P, maxmem: 64 * 1024 * 1024 });
  return ['scrypt', N, R, P, salt.toString('base64'), hash.toString('base64')].join('$');
}

export function verifyPassword(password: string, stored: string): boolean {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !n || !r || !p || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const actual = scryptSync(password.normalize('NFC'), Buffer.from(salt, 'base64'), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    maxmem: 64 * 1024 * 1024,
  });
  return timingSafeEqual(actual, expected);
}

/** The rules staff see when choosing a password; returns the broken rule or null. */
export function passwordProblem(password: string, username: string): string | null {
  if (password.length < 8) return '密码至少8位';
  if (password.toLowerCase() === username.toLowerCase()) return '密码不能与用户名相同';
  return null;
}
