import { pinyin } from 'pinyin-pro';

/**
 * Search keys for a Chinese name, computed once at write time (matching on
 * every keystroke without them is too slow): initials (`zs`) and full pinyin
 * (`zhangsan`), lower-case, no tones or spaces. A polyphone surname yields a
 * key per reading (曾 → zeng/ceng, 单 → shan/dan/chan), because staff type
 * whichever reading the person gave. The given name in characters is a key
 * too, for staff who only remember 秀英.
 */
/** Two-character surnames, whose given name starts at the third character. */
const COMPOUND_SURNAMES = new Set(['欧阳', '司马', '诸葛', '上官', '东方', '皇甫', '尉迟', '公孙', '慕容', '令狐', '长孙', '宇文', '司徒', '夏侯', '轩辕', '端木', '独孤', '南宫', '西门', '闻人']);

/**
 * Names recur (张伟, 王芳, 李秀英 …) and reading them is the slow part of
 * writing a person, so keys are remembered for the most recent names. Callers
 * get a copy: the memo's arrays are never handed out.
 */
const MEMO_LIMIT = 50_000;
let memo = new Map<string, readonly string[]>();

export function nameSearchKeys(name: string): string[] {
  const known = memo.get(name);
  if (known) return [...known];
  const keys = readNameKeys(name);
  if (memo.size >= MEMO_LIMIT) memo = new Map();
  memo.set(name, keys);
  return [...keys];
}

const read = (text: string, options: object = {}) => pinyin(text, { toneType: 'none', type: 'array', v: true, ...options }) as string[];

/**
 * Given names (秀英, 伟) and surnames recur far more than whole names: their
 * readings are remembered on their own, so a new name mostly costs one reading
 * (the whole name's, for its surname in context).
 */
const PART_OPTIONS = { plain: {}, surname: { surname: 'head' }, multiple: { multiple: true } } as const;
let partMemo = new Map<string, readonly string[]>();
function readPart(text: string, how: keyof typeof PART_OPTIONS): string[] {
  const key = `${how}:${text}`;
  const known = partMemo.get(key);
  if (known) return [...known];
  const readings = read(text, PART_OPTIONS[how]);
  if (partMemo.size >= MEMO_LIMIT) partMemo = new Map();
  partMemo.set(key, readings);
  return [...readings];
}

function readNameKeys(name: string): string[] {
  const chars = [...name.replace(/[·•.\s]/g, '')];
  if (chars.length === 0) return [];
  const surnameLength = chars.length > 2 && COMPOUND_SURNAMES.has(chars.slice(0, 2).join('')) ? 2 : 1;
  const given = chars.slice(surnameLength).join('');
  const givenReadings = given ? readPart(given, 'plain') : [];
  // Surname readings as syllable lists: 曾 → [zeng], [ceng]; 欧阳 → [ou, yang].
  const surnames: string[][] =
    surnameLength === 2
      ? [readPart(chars.slice(0, 2).join(''), 'surname')]
      : [...new Set([...read(name, { surname: 'head' }).slice(0, 1), ...readPart(chars[0]!, 'multiple')])].map((r) => [r]);
  const keys = new Set<string>();
  for (const surname of surnames) {
    const syllables = [...surname, ...givenReadings].map((s) => s.toLowerCase().replace(/[^a-z]/g, ''));
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

/**
 * Search keys of a place or occupation name for the pickers (木渎镇 → `mudu zhen`
 * as `muduzhen` and `mdz`): the same plain-letters keys as a person's name, read
 * as ordinary words (no surname readings), so staff type initials or pinyin in
 * any picker as they do in the registry search.
 */
export function placeSearchKeys(name: string): string[] {
  const syllables = read(name.replace(/[（）()·\s]/g, '')).map((s) => s.toLowerCase().replace(/[^a-z]/g, '')).filter((s) => s !== '');
  if (syllables.length === 0) return [];
  return [...new Set([syllables.join(''), syllables.map((s) => s[0]).join('')])];
}

/**
 * Whether a picker's option matches what was typed: its name or code contains
 * it, or its pinyin (full or initials) starts with the typed letters.
 */
export function matchesPlace(option: { name: string; code: string; searchKeys: readonly string[] }, typed: string): boolean {
  const query = typed.trim();
  if (query === '') return true;
  if (option.name.includes(query) || option.code.startsWith(query)) return true;
  const letters = normalizePinyinQuery(query);
  return letters !== '' && letters.length === query.replace(/\s/g, '').length && option.searchKeys.some((k) => k.startsWith(letters));
}
