import { z } from 'zod';
import { method } from './define';
import { isoDate } from './person-fields';

export const enterpriseReportsContract = {
  'enterprises.notVisited': method<{ since: string; items: { id: number; name: string; creditCode: string | null; townshipName: string | null; lastVisitDate: string | null; insuredCount: number | null }[] }>()({
    input: z.strictObject({ months: z.number().int('应为整数').min(1, '至少1个月').max(60, '不能超过60个月'), townshipCode: z.string().regex(/^\d{9}$/, '请从列表中选择乡镇（街道）').optional() }),
    access: 'enterprises.reports',
    writes: false,
    title: '长期未走访企业',
  }),
  'enterprises.visitsByStaff': method<{ userId: number; displayName: string; month: string; visits: number; surveys: number }[]>()({
    input: z.strictObject({ from: isoDate, to: isoDate }),
    access: 'enterprises.reports',
    writes: false,
    title: '走访情况（按人员、月份）',
  }),
  'enterprises.hiringDemand': method<{ groupCode: string; groupLabel: string; openVacancies: number; openings: number; plannedOpenings: number }[]>()({
    input: z.strictObject({}),
    access: 'enterprises.reports',
    writes: false,
    title: '用工需求（按职业大类）',
  }),
  'enterprises.difficultyTally': method<{ code: string; label: string; visits: number; enterprises: number }[]>()({
    input: z.strictObject({ from: isoDate, to: isoDate }),
    access: 'enterprises.reports',
    writes: false,
    title: '企业困难汇总',
  }),
};
