/** Money is integer fen (分) everywhere; these format it for screens and printed sheets. */

/** 123450 → ¥1,234.50 */
export function formatFen(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const yuan = Math.floor(abs / 100).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}¥${yuan}.${String(abs % 100).padStart(2, '0')}`;
}

/** A monthly pay range as a notice board shows it: 4000–6000元/月, 4000元/月起, 面议. */
export function formatSalaryRange(minFen: number | null, maxFen: number | null): string {
  const yuan = (fen: number) => (fen % 100 === 0 ? String(fen / 100) : (fen / 100).toFixed(2));
  if (minFen !== null && maxFen !== null) return minFen === maxFen ? `${yuan(minFen)}元/月` : `${yuan(minFen)}–${yuan(maxFen)}元/月`;
  if (minFen !== null) return `${yuan(minFen)}元/月起`;
  if (maxFen !== null) return `最高${yuan(maxFen)}元/月`;
  return '面议';
}

/** Yuan typed by staff (4500, 4500.5, ４５００) → fen, or null when it is not an amount. */
export function yuanToFen(text: string): number | null {
  const t = text.replace(/[,，\s元]/g, '').replace(/[\uFF10-\uFF19．]/g, (c) => (c === '．' ? '.' : String.fromCharCode(c.charCodeAt(0) - 0xfee0)));
  if (!/^-?\d+(\.\d{1,2})?$/.test(t)) return null;
  const [whole, fraction = ''] = t.replace('-', '').split('.');
  const fen = Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
  return t.startsWith('-') ? -fen : fen;
}

/** Largest amount one application may ask for: 10 million yuan, far above any subsidy, well inside a safe integer. */
export const MAX_AMOUNT_FEN = 1_000_000_000;

/**
 * 元 as typed at the desk ("1500", "1,500.5", "1500.50") → 分 as a whole number; null when it is not an
 * amount (negative, more than two decimals, letters). Parsed from the digits, never through a float.
 */
export function parseYuanToFen(input: string): number | null {
  const text = input.trim().replace(/[,，\s]/g, '');
  const m = /^(\d{1,8})(?:\.(\d{1,2}))?$/.exec(text);
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}

/** 分 → "1,500.50" for screens and printouts. */
export function formatFenAsYuan(fen: number): string {
  const yuan = Math.trunc(fen / 100).toLocaleString('en-US');
  return `${yuan}.${String(fen % 100).padStart(2, '0')}`;
}
