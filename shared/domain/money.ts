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
