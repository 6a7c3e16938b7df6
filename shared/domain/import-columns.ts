/**
 * Header recognition for spreadsheet imports. Every township keeps its own
 * roster layout: the same column is headed 身份证号, 公民身份号码 or
 * *证件号码(必填), so columns are found by label and synonyms, and a mapping
 * staff confirmed once (header text → field) is remembered and wins.
 */
import { ETHNICITIES } from './code-tables';
import { toHalfWidth } from './text';

export interface ColumnSpec<F extends string = string> {
  field: F;
  label: string;
  synonyms: string[];
  required?: boolean;
}

export interface HeaderMatch<F extends string = string> {
  /** field → 0-based column index in `headerCells`. */
  columns: Partial<Record<F, number>>;
  /** Non-blank headers that name no field (shown so staff can map or ignore them). */
  unknownHeaders: string[];
  missingRequired: ColumnSpec<F>[];
  /** Headers naming a field an earlier column already took (联系电话 and 手机 side by side); the first column wins. */
  duplicateHeaders: string[];
}

/**
 * Header text reduced to what identifies it: half-width, no whitespace (also
 * line breaks inside the cell), no required-markers (`*`, `＊`, `(必填)`),
 * no trailing colon, latin lower-case.
 */
export function normalizeHeader(text: string): string {
  return toHalfWidth(text)
    .replace(/[\s\u00A0\u200B-\u200D\u2060\uFEFF]+/g, '')
    .replace(/\((必填|选填|可选|必录)\)/g, '')
    .replace(/\*/g, '')
    .replace(/:$/, '')
    .toLowerCase();
}

/** Drops a trailing note in brackets: 户口性质(城镇/农村) → 户口性质. Tried only when the whole header matches nothing. */
function withoutNote(normalized: string): string {
  return normalized.replace(/\([^()]*\)$/, '');
}

/**
 * Finds each field's column. `savedMapping` (header text → field, '' = ignore
 * the column) comes first, then labels and synonyms, then the same without a
 * trailing bracketed note. A synonym claimed by two specs goes to the first.
 */
export function matchHeaders<F extends string>(
  headerCells: string[],
  specs: ColumnSpec<F>[],
  savedMapping: Record<string, string> = {},
): HeaderMatch<F> {
  const known = new Map<string, F>();
  for (const spec of specs) {
    for (const name of [spec.label, ...spec.synonyms]) {
      const key = normalizeHeader(name);
      if (!known.has(key)) known.set(key, spec.field);
    }
  }
  const fields = new Set<string>(specs.map((s) => s.field));
  const saved = new Map<string, F | ''>();
  for (const [header, field] of Object.entries(savedMapping)) {
    // A mapping to a field this import does not have (an old layout) is ignored, not trusted.
    if (field === '' || fields.has(field)) saved.set(normalizeHeader(header), field as F | '');
  }

  const columns: Partial<Record<F, number>> = {};
  const unknownHeaders: string[] = [];
  const duplicateHeaders: string[] = [];
  headerCells.forEach((cell, index) => {
    const key = normalizeHeader(cell);
    if (key === '') return;
    const field = saved.has(key) ? saved.get(key)! : (known.get(key) ?? known.get(withoutNote(key)));
    if (field === '') return;
    if (field === undefined) unknownHeaders.push(cell.trim());
    else if (columns[field] !== undefined) duplicateHeaders.push(cell.trim());
    else columns[field] = index;
  });
  const missingRequired = specs.filter((s) => s.required && columns[s.field] === undefined);
  return { columns, unknownHeaders, missingRequired, duplicateHeaders };
}

export type PersonImportField =
  | 'name'
  | 'idNumber'
  | 'phone'
  | 'sex'
  | 'birthDate'
  | 'ethnicity'
  | 'education'
  | 'householdType'
  | 'residence'
  | 'school'
  | 'major'
  | 'graduationDate'
  | 'employmentStatus';

/** Persons roster (花名册) columns. 社会保障号码 is the ID number: the social security number is the same. */
export const PERSON_IMPORT_COLUMNS: ColumnSpec<PersonImportField>[] = [
  { field: 'name', label: '姓名', synonyms: ['人员姓名'], required: true },
  {
    field: 'idNumber',
    label: '身份证号',
    synonyms: ['公民身份号码', '身份证号码', '证件号码', '身份证', '身份证件号码', '社会保障号码'],
    required: true,
  },
  { field: 'phone', label: '手机号码', synonyms: ['联系电话', '电话', '手机', '手机号', '联系方式', '电话号码'] },
  { field: 'sex', label: '性别', synonyms: [] },
  { field: 'birthDate', label: '出生日期', synonyms: ['出生年月', '出生年月日'] },
  { field: 'ethnicity', label: '民族', synonyms: [] },
  { field: 'education', label: '文化程度', synonyms: ['学历', '最高学历'] },
  { field: 'householdType', label: '户口性质', synonyms: ['户籍性质', '户口类型', '户籍类型'] },
  { field: 'residence', label: '现居住地', synonyms: ['居住地址', '现住址', '现居住地址', '居住地'] },
  { field: 'school', label: '毕业学校', synonyms: ['毕业院校'] },
  { field: 'major', label: '所学专业', synonyms: ['专业'] },
  { field: 'graduationDate', label: '毕业日期', synonyms: ['毕业时间', '毕业年月'] },
  { field: 'employmentStatus', label: '就业状态', synonyms: ['就业情况'] },
];

export const SEX_CHOICES: Record<string, 'male' | 'female'> = { 男: 'male', 女: 'female', 男性: 'male', 女性: 'female' };

/** Since the 2014 reform many cards say 居民户口, which says neither: staff must choose, so it is not mapped. */
export const HOUSEHOLD_TYPE_CHOICES: Record<string, 'urban' | 'rural'> = {
  城镇: 'urban',
  农村: 'rural',
  非农业: 'urban',
  农业: 'rural',
  城镇户口: 'urban',
  农村户口: 'rural',
  非农业户口: 'urban',
  农业户口: 'rural',
};

/** GB/T 4658 (first digits; DOMAIN.md §5 marks the table [confirm]). Short labels first: they are listed in reasons. */
export const EDUCATION_CHOICES: Record<string, string> = {
  研究生: '10',
  博士: '11',
  硕士: '14',
  本科: '20',
  专科: '30',
  中职: '40',
  中专: '41',
  职高: '44',
  技校: '47',
  高中: '60',
  初中: '70',
  小学: '80',
  其他: '90',
  博士研究生: '11',
  硕士研究生: '14',
  大学本科: '20',
  大学专科: '30',
  大专: '30',
  中等职业教育: '40',
  中等专科: '41',
  职业高中: '44',
  技工学校: '47',
  普通高中: '60',
};

/**
 * Values of persons.employment_status. A bare 失业 is not mapped: whether
 * the person holds an unemployment registration changes what they may claim.
 */
export const EMPLOYMENT_STATUS_CHOICES: Record<string, string> = {
  已就业: 'employed',
  登记失业: 'unemployed_registered',
  未就业: 'unemployed_unregistered',
  非劳动力: 'not_in_labour_force',
  已退休: 'retired',
  就业: 'employed',
  单位就业: 'employed',
  灵活就业: 'employed',
  自主创业: 'employed',
  失业登记: 'unemployed_registered',
  待业: 'unemployed_unregistered',
  退休: 'retired',
};

/** GB 3304, as 汉族 and as the bare 汉 that rosters often carry. */
export const ETHNICITY_CHOICES: Record<string, string> = Object.fromEntries([
  ...ETHNICITIES.map(([code, name]) => [name, code] as const),
  ...ETHNICITIES.map(([code, name]) => [name.slice(0, -1), code] as const),
]);
