import { pinyin } from 'pinyin-pro';

/**
 * Search keys for a Chinese name, computed once at write time (matching on
 * every keystroke without them is too slow): initials (`zs`) and full pinyin
 * (`zhangsan`), lower-case, no tones or spaces. A polyphone surname yields a
 * key per reading (曾 → zeng/ceng, 单 → shan/dan/chan), because staff type
 * whichever reading the person gave. The given name in characters is a key
 * too, for staff who only remember 秀英.
 */
export function nameSearchKeys(name: string): string[] {
  const chars = [...name.replace(/[·•.\s]/g, '')];
  if (chars.length === 0) return [];
  const given = chars.slice(1).join('');
  const givenReadings = given ? (pinyin(given, { toneType: 'none', type: 'array' }) as string[]) : [];
  const surnameReadings = new Set<string>([
    ...(pinyin(name, { toneType: 'none', type: 'array', surname: 'head' }) as string[]).slice(0, 1),
    ...(pinyin(chars[0]!, { toneType: 'none', type: 'array', multiple: true }) as string[]),
  ]);
  const keys = new Set<string>();
  for (const surname of surnameReadings) {
    const syllables = [surname, ...givenReadings].map((s) => s.toLowerCase().replace(/[^a-z]/g, ''));
    if (syllables.some((s) => s === '')) continue; // a character without a reading (rare, or latin)
    keys.add(syllables.join(''));
    keys.add(syllables.map((s) => s[0]).join(''));
  }
  // The given name itself, so '秀英' finds 李秀英 through the index as well.
  if (given && /^[\u3400-\u9fff]+$/.test(given)) keys.add(given);
  return [...keys].sort();
}

/** What a typed latin query is compared with: lower-case letters only. */
export function normalizePinyinQuery(query: string): string {
  return query.toLowerCase().replace(/[^a-z]/g, '');
}
