/**
 * Spreadsheet imports of enterprise and vacancy lists, on the same machinery
 * as the persons roster (import-rows, import-values): columns found by label
 * and synonyms, one parser per column, problems reported per cell.
 */
import { EDUCATION_CHOICES, type ColumnSpec } from './import-columns';
import { checkRows, firstRowTracker, type RowCheck, type SheetRows } from './import-rows';
import { choiceCell, countCell, creditCodeCell, dateCell, industryCell, personNameCell, textCell, yuanCell } from './import-values';
import { OWNERSHIP_TYPES } from './enterprise-codes';

export type EnterpriseImportField = 'creditCode' | 'name' | 'industry' | 'ownership' | 'sizeClass' | 'address' | 'insuredCount' | 'contactName' | 'contactPhone';

export const ENTERPRISE_IMPORT_COLUMNS: ColumnSpec<EnterpriseImportField>[] = [
  { field: 'creditCode', label: '统一社会信用代码', synonyms: ['信用代码', '社会信用代码', '统一代码', '注册号', '工商注册号', '统一社会信用代码(注册号)'], required: true },
  { field: 'name', label: '单位名称', synonyms: ['企业名称', '用人单位', '用人单位名称', '单位全称', '名称'], required: true },
  { field: 'industry', label: '所属行业', synonyms: ['行业', '行业类别', '国民经济行业', '行业代码'] },
  { field: 'ownership', label: '经济类型', synonyms: ['登记注册类型', '经济性质', '所有制'] },
  { field: 'sizeClass', label: '企业规模', synonyms: ['规模', '企业规模类型'] },
  { field: 'address', label: '单位地址', synonyms: ['地址', '注册地址', '经营地址', '详细地址', '企业地址'] },
  { field: 'insuredCount', label: '参保人数', synonyms: ['职工人数', '从业人数', '在职人数', '员工人数', '参保职工人数'] },
  { field: 'contactName', label: '联系人', synonyms: ['联系人姓名', '人事联系人'] },
  { field: 'contactPhone', label: '联系电话', synonyms: ['电话', '手机', '手机号码', '联系方式'] },
];

export const SIZE_CHOICES: Record<string, string> = { 大型: 'large', 中型: 'medium', 小型: 'small', 微型: 'micro', 大: 'large', 中: 'medium', 小: 'small', 微: 'micro', 大型企业: 'large', 中型企业: 'medium', 小型企业: 'small', 微型企业: 'micro' };

export const OWNERSHIP_CHOICES: Record<string, string> = {
  ...Object.fromEntries(OWNERSHIP_TYPES.map(([code, label]) => [label, code])),
  国有企业: 'state', 集体企业: 'collective', 私营企业: 'private', 民营: 'private', 民营企业: 'private', 有限责任: 'limited_liability',
  股份有限: 'joint_stock', 港澳台: 'hmt', 外资: 'foreign', 外商独资: 'foreign', 中外合资: 'foreign', 个体工商户: 'individual',
};

/** A contact phone: a mobile, or a landline with its area code (enterprises often give one). */
function contactPhoneCell(raw: unknown) {
  const result = textCell(raw, { maxLength: 20 });
  if (!result.ok || result.value === null) return result;
  const compact = result.value.replace(/[\s()（）]/g, '').replace(/^\+?86(?=1)/, '');
  const mobile = compact.replace(/-/g, '');
  if (/^1[3-9]\d{9}$/.test(mobile)) return { ok: true as const, value: mobile };
  if (/^0\d{2,3}-?\d{7,8}(-\d{1,5})?$/.test(compact)) return { ok: true as const, value: compact };
  return { ok: false as const, reason: '应为11位手机号码或带区号的固定电话（如 0512-66881234）' };
}

export function checkEnterpriseRows(sheet: SheetRows, savedMapping?: Record<string, string>): RowCheck[] {
  const seen = firstRowTracker('统一社会信用代码');
  return checkRows(sheet, ENTERPRISE_IMPORT_COLUMNS, savedMapping, (row) => {
    const key = creditCodeCell(row.raw('creditCode'));
    if (!key.ok) row.problem('creditCode', key.reason);
    else {
      const duplicate = seen(key.value.value, row.rowNumber);
      if (duplicate) row.problem('creditCode', duplicate);
      row.set({ [key.value.kind]: key.value.value });
    }
    row.take('name', textCell(row.raw('name'), { required: true, maxLength: 100 }));
    row.take('industry', industryCell(row.raw('industry')));
    row.take('ownership', choiceCell(row.raw('ownership'), OWNERSHIP_CHOICES));
    row.take('sizeClass', choiceCell(row.raw('sizeClass'), SIZE_CHOICES));
    row.take('address', textCell(row.raw('address'), { maxLength: 200 }));
    row.take('insuredCount', countCell(row.raw('insuredCount')));
    const contact = cellOrNull(row.raw('contactName'));
    if (contact !== null) row.take('contactName', personNameCell(contact));
    row.take('contactPhone', contactPhoneCell(row.raw('contactPhone')));
  });
}

function cellOrNull(raw: unknown): unknown {
  return raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '') ? null : raw;
}

export type VacancyImportField =
  | 'creditCode' | 'enterpriseName' | 'title' | 'occupationCode' | 'openings' | 'salaryMin' | 'salaryMax' | 'education' | 'experienceYears' | 'requirements' | 'workPlace' | 'validTo';

export const VACANCY_IMPORT_COLUMNS: ColumnSpec<VacancyImportField>[] = [
  { field: 'creditCode', label: '统一社会信用代码', synonyms: ['信用代码', '社会信用代码', '注册号'], required: true },
  { field: 'enterpriseName', label: '单位名称', synonyms: ['企业名称', '用人单位', '招聘单位'] },
  { field: 'title', label: '岗位名称', synonyms: ['招聘岗位', '岗位', '职位名称', '职位'], required: true },
  { field: 'occupationCode', label: '职业代码', synonyms: ['职业编码', '岗位代码', '职业分类代码'], required: true },
  { field: 'openings', label: '招聘人数', synonyms: ['需求人数', '人数', '招聘数量'], required: true },
  { field: 'salaryMin', label: '最低月薪', synonyms: ['月薪下限', '工资下限', '最低工资', '薪资下限'] },
  { field: 'salaryMax', label: '最高月薪', synonyms: ['月薪上限', '工资上限', '最高工资', '薪资上限'] },
  { field: 'education', label: '学历要求', synonyms: ['学历', '文化程度'] },
  { field: 'experienceYears', label: '工作经验', synonyms: ['工作年限', '经验要求', '工作经验(年)'] },
  { field: 'requirements', label: '岗位要求', synonyms: ['任职要求', '要求', '岗位职责'] },
  { field: 'workPlace', label: '工作地点', synonyms: ['工作地址', '上班地点'] },
  { field: 'validTo', label: '有效期至', synonyms: ['截止日期', '有效期止', '招聘截止日期'] },
];

const EDUCATION_OR_ANY: Record<string, string> = { ...EDUCATION_CHOICES, 不限: '', 学历不限: '' };

/** `enterpriseIdOf` answers for credit codes (or 注册号) already registered; a vacancy needs its enterprise first. */
export function checkVacancyRows(sheet: SheetRows, today: string, enterpriseIdOf: (key: string) => number | null, savedMapping?: Record<string, string>): RowCheck[] {
  return checkRows(sheet, VACANCY_IMPORT_COLUMNS, savedMapping, (row) => {
    const key = creditCodeCell(row.raw('creditCode'));
    if (!key.ok) row.problem('creditCode', key.reason);
    else {
      const id = enterpriseIdOf(key.value.value);
      if (id === null) row.problem('creditCode', '该企业尚未登记，请先登记或导入企业');
      else row.set({ enterpriseId: String(id) });
    }
    row.take('title', textCell(row.raw('title'), { required: true, maxLength: 60 }));
    const occupation = textCell(row.raw('occupationCode'), { required: true });
    if (occupation.ok && !/^[1-8](-\d{2}){0,3}$/.test(occupation.value ?? '')) row.problem('occupationCode', '职业代码格式应为 4-07-02-03（可只填大类或中类）');
    else row.take('occupationCode', occupation);
    const openings = countCell(row.raw('openings'), { min: 1 });
    if (openings.ok && openings.value === null) row.problem('openings', '必填');
    else row.take('openings', openings);
    const min = row.take('salaryMin', yuanCell(row.raw('salaryMin')));
    const max = row.take('salaryMax', yuanCell(row.raw('salaryMax')));
    if (min !== null && max !== null && Number(min) > Number(max)) row.problem('salaryMax', '最高月薪不能低于最低月薪');
    const education = row.take('education', choiceCell(row.raw('education'), EDUCATION_OR_ANY));
    if (education === '') row.set({ education: null });
    const experience = cellOrNull(row.raw('experienceYears'));
    if (experience !== null && /^(不限|无要求|无)$/.test(String(experience).trim())) row.set({ experienceYears: null });
    else row.take('experienceYears', countCell(typeof experience === 'string' ? experience.replace(/年(以上)?$/, '') : experience));
    row.take('requirements', textCell(row.raw('requirements'), { maxLength: 500 }));
    row.take('workPlace', textCell(row.raw('workPlace'), { maxLength: 100 }));
    const validTo = row.take('validTo', dateCell(row.raw('validTo'), { date1904: row.date1904 }));
    if (validTo !== null && validTo < today) row.problem('validTo', '有效期已过');
  });
}
