import { placeSearchKeys } from './pinyin-keys';

/**
 * Code tables the administrator keeps (可维护代码表): each province or county
 * sets its own 就业困难人员 categories and its own subsidy catalogue, so these
 * live in the database (code_entries), not in the code. An entry in use is
 * retired rather than deleted; a retired entry is no longer offered for new
 * cases, and past cases keep showing its label.
 */

export type EditableCodeTable = 'difficulty_categories' | 'subsidy_catalogue' | 'guidance_topics';

export const EDITABLE_CODE_TABLES: Record<EditableCodeTable, { label: string; hasApplicant: boolean }> = {
  difficulty_categories: { label: '就业困难人员认定类别', hasApplicant: false },
  subsidy_catalogue: { label: '补贴目录', hasApplicant: true },
  guidance_topics: { label: '职业指导内容', hasApplicant: false },
};

export const CODE_ENTRY_APPLICANTS = [
  ['person', '个人'],
  ['enterprise', '单位'],
  ['both', '个人或单位'],
] as const;
export type CodeEntryApplicant = (typeof CODE_ENTRY_APPLICANTS)[number][0];

export interface CodeEntry {
  code: string;
  label: string;
  active: boolean;
  sortOrder: number;
  /** Subsidy catalogue only. */
  applicant: CodeEntryApplicant | null;
}

/** Lower-case letters, digits and underscores, starting with a letter: stable keys the exchange and reports carry. */
export const CODE_PATTERN = /^[a-z][a-z0-9_]{1,39}$/;

/**
 * The code of a new entry, made by the desk from its name — the administrator
 * types 返乡创业补贴, never an English key: the initials of its pinyin
 * (`fxcybt`), numbered when taken (`fxcybt_2`), `code_` before names that give
 * fewer than two letters. Generated once; a renamed entry keeps its code.
 */
export function generatedCode(label: string, taken: ReadonlySet<string>): string {
  const initials = (placeSearchKeys(label).at(-1) ?? '').slice(0, 30);
  const base = initials.length >= 2 ? initials : `code_${initials}`.replace(/_$/, '');
  for (let n = 1; ; n += 1) {
    const code = n === 1 ? base : `${base}_${n}`;
    if (!taken.has(code)) return code;
  }
}

/** Chinese problems with an entry as typed, keyed by field; empty when it may be saved. `code` is null for a new entry (the desk makes it). */
export function codeEntryProblems(table: EditableCodeTable, entry: { code: string | null; label: string; applicant: CodeEntryApplicant | null }): Record<string, string> {
  const problems: Record<string, string> = {};
  if (entry.code !== null && !CODE_PATTERN.test(entry.code)) problems.code = '代码应以小写字母开头，只含小写字母、数字和下划线（2–40位）';
  const label = entry.label.trim();
  if (label.length === 0) problems.label = '请填写名称';
  else if (label.length > 60) problems.label = '名称不能超过60个字';
  if (EDITABLE_CODE_TABLES[table].hasApplicant && entry.applicant === null) problems.applicant = '请选择申请对象（个人、单位或两者）';
  if (!EDITABLE_CODE_TABLES[table].hasApplicant && entry.applicant !== null) problems.applicant = '此代码表没有申请对象';
  return problems;
}

/** May this kind of applicant apply for a subsidy whose catalogue entry says `allowed`? */
export function applicantMayApply(allowed: CodeEntryApplicant | null, applicant: 'person' | 'enterprise'): boolean {
  return allowed === 'both' || allowed === applicant;
}
