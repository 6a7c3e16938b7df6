import { z } from 'zod';
import type { EmploymentStatusCode, HouseholdType } from '../domain/code-tables';
import type { Sex } from '../domain/id-number';
import type { KeyGroupCode, KeyGroupTag } from '../domain/key-groups';
import { method } from './define';
import { entityId, page, pageSize, rowVersion, text } from './fields';
import { importStartInput } from './import-fields';
import type { JobView } from './jobs';
import { isoDate, personChanges, personFields } from './person-fields';
import type { FieldCorrection, TimelineEvent } from './record-history';

/** A person as staff see it: ID number and phones masked (a full reveal is an audited act). */
export interface PersonView {
  id: number;
  idNumberMasked: string;
  name: string;
  sex: Sex;
  birthDate: string;
  age: number;
  phoneMasked: string | null;
  phone2Masked: string | null;
  ethnicityCode: string | null;
  politicalStatusCode: string | null;
  householdType: HouseholdType | null;
  householdDivisionCode: string | null;
  /** 苏州市吴中区 for a Jiangsu code; null for a code outside Jiangsu (shown as the code). */
  householdDivisionName: string | null;
  householdAddress: string | null;
  residenceTownshipCode: string | null;
  residenceTownshipName: string | null;
  residenceVillageCode: string | null;
  residenceVillageName: string | null;
  address: string | null;
  educationCode: string | null;
  school: string | null;
  major: string | null;
  graduationDate: string | null;
  disabilityGrade: string | null;
  healthStatus: string | null;
  isVeteran: boolean;
  lowIncomeStatus: 'dibao' | 'low_income' | null;
  femaleRetirementCategory: 'worker50' | 'cadre55' | null;
  employmentStatus: EmploymentStatusCode;
  intendedOccupationCode: string | null;
  intendedPlace: string | null;
  intendedSalaryMinFen: number | null;
  intendedSalaryMaxFen: number | null;
  trainingWishes: string | null;
  /** 职业资格/技能等级证书. */
  qualifications: { id: number; name: string; level: string | null; certificateNumber: string | null; issuedOn: string | null }[];
  /** 重点群体, computed for today from the record (never typed by hand). */
  keyGroups: KeyGroupTag[];
  /** Statutory retirement under the 2025 rules, e.g. 60岁3个月 on 2028-04-07. */
  retirement: { label: string; date: string };
  mergedIntoId: number | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface PersonListItem {
  id: number;
  idNumberMasked: string;
  name: string;
  sex: Sex;
  birthDate: string;
  age: number;
  phoneMasked: string | null;
  residenceTownshipName: string | null;
  employmentStatus: EmploymentStatusCode;
  keyGroups: KeyGroupCode[];
}

export interface PersonSearchResult {
  items: PersonListItem[];
  /** Matches counted up to 10,000; `totalCapped` says there are more. */
  total: number;
  totalCapped: boolean;
  page: number;
  pageSize: number;
  /** How the query was understood: 身份证号, 证号片段/手机尾号, 姓名, 拼音 … */
  matchedAs: 'all' | 'idNumber' | 'digits' | 'name' | 'pinyin';
}

export interface TimelineSection {
  kind: 'registry' | 'registrations' | 'applications' | 'counseling' | 'referrals' | 'fairs' | 'trainings' | 'gigs' | 'startups' | 'welfarePosts' | 'payments';
  label: string;
  events: TimelineEvent[];
}

export const personFilters = z.strictObject({
  keyGroup: z
    .enum(['graduate_this_year', 'graduate_unemployed_2y', 'age_4050', 'near_retirement', 'rural_labour', 'veteran', 'disabled', 'low_income', 'employment_difficulty'], '未知的重点群体')
    .optional(),
  employmentStatus: personFields.employmentStatus,
  residenceTownshipCode: z.string().regex(/^\d{9}$/, '请从列表中选择乡镇（街道）').optional(),
  educationCode: personFields.educationCode.unwrap().unwrap().optional(),
  ageMin: z.number().int().min(0).max(120).optional(),
  ageMax: z.number().int().min(0).max(120).optional(),
});

export const personsContract = {
  'persons.register': method<PersonView>()({
    input: z.strictObject({
      idNumber: z.string().max(32, '身份证号不能超过32个字符'),
      ...personFields,
      /** Staff confirmed that a record with the same name, birth date and phone is someone else. */
      confirmNotDuplicate: z.boolean().optional(),
    }),
    access: 'persons.write',
    writes: true,
    title: '登记人员',
  }),
  'persons.get': method<PersonView>()({
    input: z.strictObject({ id: entityId }),
    access: 'persons.read',
    writes: false,
    title: '查看人员档案',
  }),
  'persons.search': method<PersonSearchResult>()({
    input: z.strictObject({ query: text(50, false), filters: personFilters.optional(), page, pageSize }),
    access: 'persons.read',
    writes: false,
    title: '查询人员',
  }),
  'persons.reveal': method<{ value: string | null }>()({
    input: z.strictObject({ id: entityId, field: z.enum(['idNumber', 'phone', 'phone2'], '只能查看身份证号或电话') }),
    access: 'persons.reveal',
    writes: true,
    title: '查看完整个人信息',
  }),
  'persons.update': method<PersonView>()({
    input: z.strictObject({ id: entityId, version: rowVersion, changes: personChanges, reason: text(200) }),
    access: 'persons.write',
    writes: true,
    title: '更正人员信息',
  }),
  'persons.addQualification': method<PersonView>()({
    input: z.strictObject({
      personId: entityId,
      name: text(100),
      level: z.enum(['一级/高级技师', '二级/技师', '三级/高级工', '四级/中级工', '五级/初级工', '专项职业能力', '其他'], '请从列表中选择等级').nullish(),
      certificateNumber: text(60, false).nullish(),
      issuedOn: isoDate.nullish(),
    }),
    access: 'persons.write',
    writes: true,
    title: '登记职业资格或技能证书',
  }),
  'persons.corrections': method<FieldCorrection[]>()({
    input: z.strictObject({ id: entityId }),
    access: 'persons.read',
    writes: false,
    title: '查看更正记录',
  }),
  'persons.timeline': method<TimelineSection[]>()({
    input: z.strictObject({ id: entityId }),
    access: 'persons.read',
    writes: false,
    title: '查看服务记录',
  }),
  'persons.merge': method<PersonView>()({
    input: z.strictObject({ keepId: entityId, mergeId: entityId, reason: text(200) }),
    access: 'persons.merge',
    writes: true,
    title: '合并重复档案',
  }),
  'persons.exportXlsx': method<{ fileName: string; base64: string; rows: number }>()({
    input: z.strictObject({ query: text(50, false), filters: personFilters.optional() }),
    access: 'persons.export',
    writes: true,
    title: '导出人员名单',
  }),
  'persons.importStart': method<JobView>()({
    input: importStartInput,
    access: 'persons.import',
    writes: true,
    title: '导入人员（Excel）',
  }),
  'persons.importTemplate': method<{ fileName: string; base64: string }>()({
    input: z.strictObject({}),
    access: 'persons.import',
    writes: false,
    title: '下载人员导入模板',
  }),
};
