/**
 * 办公室模式 (office mode): one installation, the office host (办公室主机),
 * keeps the county's database; the hall's other PCs are workstations (工作站)
 * that pair with it once, with a one-time code shown on the host, and then
 * reach it over TLS, pinning the host certificate's SHA-256 fingerprint.
 */

/** The office host's TLS port unless told otherwise: the one port to open in the host's firewall. */
export const DEFAULT_OFFICE_PORT = 5681;

/** Minutes a pairing code (配对码) is valid after it is shown. */
export const PAIRING_CODE_MINUTES = 10;
/** Digits of a pairing code: read off the host's screen and typed at the workstation. */
export const PAIRING_CODE_DIGITS = 8;

/** "12345678" → "1234-5678", as the host shows it. */
export function formatPairingCode(digits: string): string {
  return `${digits.slice(0, 4)}-${digits.slice(4)}`;
}

/** What staff typed ("1234 5678", "1234-5678") → the digits, or null when it cannot be a code. */
export function normalizePairingCode(typed: string): string | null {
  const digits = typed.replace(/[\s-]/g, '');
  return new RegExp(`^\\d{${PAIRING_CODE_DIGITS}}$`).test(digits) ? digits : null;
}

/**
 * A SHA-256 fingerprint (hex, with or without colons) as groups of four
 * upper-case hex digits, eight to a line, for reading aloud between the host
 * and a workstation: "3A7F 91C2 …".
 */
export function formatFingerprint(hex: string): string {
  const clean = normalizeFingerprint(hex) ?? hex.replace(/[^0-9a-f]/gi, '').toUpperCase();
  const groups = clean.match(/.{1,4}/g) ?? [];
  const lines: string[] = [];
  for (let i = 0; i < groups.length; i += 8) lines.push(groups.slice(i, i + 8).join(' '));
  return lines.join('\n');
}

/** Any spelling of a SHA-256 fingerprint (groups, colons, case) → 64 upper-case hex digits, or null. */
export function normalizeFingerprint(typed: string): string | null {
  const clean = typed.replace(/[\s:-]/g, '').toUpperCase();
  return /^[0-9A-F]{64}$/.test(clean) ? clean : null;
}

/**
 * The client name a workstation's calls carry: login limits
 * (shared/domain/login-throttle.ts) count wrong passwords per account and
 * client and per client, so a workstation is throttled as one computer, by
 * its id (a second PC given the same name is still another client).
 */
export function workstationClient(id: number, name: string): string {
  return `工作站 #${id}「${name}」`;
}

/** The client name of a pairing attempt, counted per address like wrong passwords. */
export function pairingClient(address: string): string {
  return `配对请求（${address}）`;
}
