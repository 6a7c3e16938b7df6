/**
 * Text normalisation shared by every validator: front-desk staff paste from
 * Word, Excel and ID-card readers, which produce full-width digits and letters
 * and stray spaces. Validators normalise first, then check.
 */
export function toHalfWidth(value: string): string {
  return value
    .replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ');
}

/** Half-width, no whitespace anywhere (IDs, codes and phone numbers never contain spaces). */
export function compactCode(value: string): string {
  return toHalfWidth(value).replace(/\s+/g, '');
}
