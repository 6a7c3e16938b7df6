import { compactCode } from './text';

/** Strips spaces, hyphens and a leading +86/86; returns null when not a mainland mobile number. */
export function normalizeMobile(raw: string): string | null {
  let value = compactCode(raw).replace(/[-()（）]/g, '');
  if (value.startsWith('+86')) value = value.slice(3);
  else if (value.startsWith('86') && value.length === 13) value = value.slice(2);
  return /^1[3-9]\d{9}$/.test(value) ? value : null;
}
