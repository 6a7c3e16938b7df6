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

/** What a workstation's pairing screen asks for: the host's address first, then the fingerprint compared aloud, the code and a name. */
export interface HostAddressForm {
  host: string;
  port: string;
}
export interface PairingForm extends HostAddressForm {
  fingerprint: string;
  code: string;
  name: string;
}

export type FormProblems<F> = Partial<Record<keyof F, string>>;

/** The host's address and port as typed, or what is wrong with each (Chinese, per field). */
export function hostAddressProblems(form: HostAddressForm): FormProblems<HostAddressForm> {
  const problems: FormProblems<HostAddressForm> = {};
  const host = form.host.trim();
  if (!host) problems.host = '请填写办公室主机的地址（局域网 IP 或计算机名）';
  else if (host.length > 253 || !/^[A-Za-z0-9.:-]+$/.test(host)) problems.host = '主机地址只能是计算机名或 IP 地址（字母、数字、点、冒号、连字符）';
  const port = Number(form.port.trim());
  if (!Number.isInteger(port) || port < 1 || port > 65535) problems.port = '端口应为 1–65535 之间的整数（默认 5681）';
  return problems;
}

/** Everything the pairing needs, checked before anything is sent to the host. */
export function pairingProblems(form: PairingForm): FormProblems<PairingForm> {
  const problems: FormProblems<PairingForm> = hostAddressProblems(form);
  if (!normalizeFingerprint(form.fingerprint)) problems.fingerprint = '证书指纹应为 64 位十六进制数字';
  if (!form.code.trim()) problems.code = '请输入主机上显示的配对码';
  else if (!normalizePairingCode(form.code)) problems.code = `配对码应为 ${PAIRING_CODE_DIGITS} 位数字`;
  const name = form.name.trim();
  if (!name) problems.name = '请填写工作站名称，例如 前台1号窗口';
  else if (name.length > 40) problems.name = '工作站名称最多 40 个字';
  return problems;
}

/** What the workstation's shell answers the pairing screen (electron/shell/workstation-setup.ts). */
export type WorkstationSetupReply =
  | { ok: true; fingerprint: string }
  | { ok: true; paired: { name: string; host: string; port: number } }
  | { ok: false; error: { code: string; message: string; fields?: Record<string, string> } };
