import { z } from 'zod';
import type { VacancySource, VacancyStatus } from '../domain/enterprise-codes';
import { method } from './define';
import { vacancyFields } from './enterprise-fields';
import { entityId, page, pageSize, rowVersion, text } from './fields';
import { importStartInput } from './import-fields';
import type { JobView } from './jobs';

export interface VacancyView {
  id: number;
  enterpriseId: number;
  enterpriseName: string;
  occupationCode: string;
  occupationGroupLabel: string;
  title: string;
  openings: number;
  salaryMinFen: number | null;
  salaryMaxFen: number | null;
  educationCode: string | null;
  experienceYears: number | null;
  requirements: string | null;
  workPlace: string | null;
  contractType: string | null;
  validFrom: string;
  validTo: string;
  source: VacancySource;
  visitId: number | null;
  /** As of today: an open vacancy past its last day reads `expired`. */
  status: VacancyStatus;
  statusReason: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface VacancySearchResult {
  items: VacancyView[];
  total: number;
  page: number;
  pageSize: number;
}

export const vacancyFilters = z.strictObject({
  query: text(50, false).optional(),
  status: z.enum(['open', 'expired', 'filled', 'withdrawn', 'all'], '未知的岗位状态').default('open'),
  enterpriseId: entityId.optional(),
  occupationGroup: z.string().regex(/^[1-8]$/, '请从列表中选择职业大类').optional(),
});

export const vacanciesContract = {
  'vacancies.create': method<VacancyView>()({
    input: z.strictObject({ enterpriseId: entityId, source: z.enum(['visit', 'fair', 'walk_in'], '请选择岗位来源'), visitId: entityId.nullish(), ...vacancyFields }),
    access: 'enterprises.write',
    writes: true,
    title: '登记岗位',
  }),
  'vacancies.get': method<VacancyView>()({
    input: z.strictObject({ id: entityId }),
    access: 'enterprises.read',
    writes: false,
    title: '查看岗位',
  }),
  'vacancies.update': method<VacancyView>()({
    input: z.strictObject({ id: entityId, version: rowVersion, changes: z.strictObject({ ...vacancyFields, occupationCode: vacancyFields.occupationCode.optional(), title: vacancyFields.title.optional(), openings: vacancyFields.openings.optional() }) }),
    access: 'enterprises.write',
    writes: true,
    title: '修改岗位',
  }),
  'vacancies.setStatus': method<VacancyView>()({
    input: z.strictObject({ id: entityId, version: rowVersion, status: z.enum(['open', 'filled', 'withdrawn'], '请选择招聘中、已招满或已撤回'), reason: text(200) }),
    access: 'enterprises.write',
    writes: true,
    title: '更改岗位状态',
  }),
  'vacancies.search': method<VacancySearchResult>()({
    input: z.strictObject({ filters: vacancyFilters.default({ status: 'open' }), page, pageSize }),
    access: 'enterprises.read',
    writes: false,
    title: '查询岗位',
  }),
  'vacancies.exportXlsx': method<{ fileName: string; base64: string; rows: number }>()({
    input: z.strictObject({ filters: vacancyFilters.default({ status: 'open' }) }),
    access: 'enterprises.read',
    writes: true,
    title: '导出岗位信息',
  }),
  'vacancies.importStart': method<JobView>()({
    input: importStartInput,
    access: 'enterprises.import',
    writes: true,
    title: '导入岗位（Excel）',
  }),
  'vacancies.importTemplate': method<{ fileName: string; base64: string }>()({
    input: z.strictObject({}),
    access: 'enterprises.import',
    writes: false,
    title: '下载岗位导入模板',
  }),
};
