import { z } from 'zod';
import type { EntityType } from '../domain/credit-code';
import type { SizeClass } from '../domain/enterprise-codes';
import { method } from './define';
import { contactFields, enterpriseChanges, enterpriseFields, headcount, townshipCode } from './enterprise-fields';
import { entityId, page, pageSize, rowVersion, text } from './fields';
import { importStartInput } from './import-fields';
import type { JobView } from './jobs';
import { isoDate } from './person-fields';
import type { FieldCorrection, TimelineEvent } from './record-history';

export interface EnterpriseContactView {
  id: number;
  name: string;
  position: string | null;
  /** Masked as citizens' phones are; the full number is an audited reveal. */
  phoneMasked: string | null;
  active: boolean;
  version: number;
}

export interface HeadcountEntry {
  asOf: string;
  insuredCount: number;
  source: 'register' | 'manual' | 'visit' | 'survey' | 'import';
  recordedBy: string | null;
}

export interface EnterpriseView {
  id: number;
  creditCode: string | null;
  registrationNumber: string | null;
  name: string;
  formerNames: { name: string; recordedAt: string }[];
  entityType: EntityType;
  entityLabel: string;
  industrySection: string | null;
  industrySectionLabel: string | null;
  industryDivision: string | null;
  industryDivisionLabel: string | null;
  ownershipCode: string | null;
  sizeClass: SizeClass | null;
  address: string | null;
  townshipCode: string | null;
  townshipName: string | null;
  isDigitalTransformation: boolean;
  isSpecialized: boolean;
  isKeyEnterprise: boolean;
  isLabourIntensive: boolean;
  status: 'active' | 'closed';
  /** The latest 参保人数 and every earlier figure, newest first. */
  insuredHeadcount: HeadcountEntry | null;
  headcountHistory: HeadcountEntry[];
  contacts: EnterpriseContactView[];
  lastVisitDate: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface EnterpriseListItem {
  id: number;
  creditCode: string | null;
  registrationNumber: string | null;
  name: string;
  /** The former name that matched the query, when it was not the current name. */
  matchedFormerName: string | null;
  entityLabel: string;
  industryDivisionLabel: string | null;
  sizeClass: SizeClass | null;
  townshipName: string | null;
  insuredCount: number | null;
  lastVisitDate: string | null;
  openVacancies: number;
  status: 'active' | 'closed';
}

export interface EnterpriseSearchResult {
  items: EnterpriseListItem[];
  total: number;
  page: number;
  pageSize: number;
  matchedAs: 'all' | 'creditCode' | 'name';
}

export interface EnterpriseTimelineSection {
  kind: 'visits' | 'vacancies' | 'referrals' | 'hires' | 'subsidies' | 'fairs' | 'startups';
  label: string;
  events: (TimelineEvent & { link: string | null })[];
  /** Why a section cannot be filled (e.g. hires, for an enterprise without a credit code); null otherwise. */
  pending: string | null;
}

export const enterpriseFilters = z.strictObject({
  townshipCode: townshipCode.optional(),
  industrySection: z.string().regex(/^[A-T]$/, '请从列表中选择行业门类').optional(),
  sizeClass: enterpriseFields.sizeClass.unwrap().unwrap().optional(),
  flag: z.enum(['isDigitalTransformation', 'isSpecialized', 'isKeyEnterprise', 'isLabourIntensive'], '未知的企业标识').optional(),
});

export const enterprisesContract = {
  'enterprises.register': method<EnterpriseView>()({
    input: z.strictObject({
      /** 统一社会信用代码 (18), or the 15-digit 注册号 of a firm registered before 2015. */
      creditCode: z.string().max(40, '不能超过40个字符'),
      ...enterpriseFields,
      /** Chosen only when there is no credit code to decode it from. */
      entityType: z.enum(['enterprise', 'sole_trader', 'farmers_coop', 'social_organisation', 'public_institution', 'other'], '请选择主体类型').optional(),
      formerNames: z.array(text(100)).max(10).optional(),
      insuredCount: headcount.nullish(),
      headcountAsOf: isoDate.optional(),
      contacts: z.array(z.strictObject(contactFields)).max(10).optional(),
    }),
    access: 'enterprises.write',
    writes: true,
    title: '登记企业',
    labels: { name: '企业名称' },
  }),
  'enterprises.get': method<EnterpriseView>()({
    input: z.strictObject({ id: entityId }),
    access: 'enterprises.read',
    writes: false,
    title: '查看企业档案',
  }),
  'enterprises.search': method<EnterpriseSearchResult>()({
    input: z.strictObject({ query: text(50, false), filters: enterpriseFilters.optional(), page, pageSize }),
    access: 'enterprises.read',
    writes: false,
    title: '查询企业',
  }),
  'enterprises.update': method<EnterpriseView>()({
    input: z.strictObject({ id: entityId, version: rowVersion, changes: enterpriseChanges, reason: text(200) }),
    access: 'enterprises.write',
    writes: true,
    title: '更正企业信息',
    labels: { name: '企业名称' },
  }),
  'enterprises.corrections': method<FieldCorrection[]>()({
    input: z.strictObject({ id: entityId }),
    access: 'enterprises.read',
    writes: false,
    title: '查看企业更正记录',
  }),
  'enterprises.addContact': method<EnterpriseView>()({
    input: z.strictObject({ enterpriseId: entityId, ...contactFields }),
    access: 'enterprises.write',
    writes: true,
    title: '添加企业联系人',
    labels: { name: '联系人姓名' },
  }),
  'enterprises.setContactActive': method<EnterpriseView>()({
    input: z.strictObject({ id: entityId, version: rowVersion, active: z.boolean(), reason: text(200) }),
    access: 'enterprises.write',
    writes: true,
    title: '停用或恢复企业联系人',
  }),
  'enterprises.revealContact': method<{ value: string | null }>()({
    input: z.strictObject({ contactId: entityId }),
    access: 'enterprises.reveal',
    writes: true,
    title: '查看企业联系人完整电话',
  }),
  'enterprises.recordHeadcount': method<EnterpriseView>()({
    input: z.strictObject({ enterpriseId: entityId, asOf: isoDate, insuredCount: headcount }),
    access: 'enterprises.write',
    writes: true,
    title: '登记参保人数',
  }),
  'enterprises.timeline': method<EnterpriseTimelineSection[]>()({
    input: z.strictObject({ id: entityId }),
    access: 'enterprises.read',
    writes: false,
    title: '查看企业服务记录',
  }),
  'enterprises.importStart': method<JobView>()({
    input: importStartInput,
    access: 'enterprises.import',
    writes: true,
    title: '导入企业（Excel）',
  }),
  'enterprises.importTemplate': method<{ fileName: string; base64: string }>()({
    input: z.strictObject({}),
    access: 'enterprises.import',
    writes: false,
    title: '下载企业导入模板',
  }),
};
