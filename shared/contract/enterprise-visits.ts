import { z } from 'zod';
import { method } from './define';
import { visitInput } from './enterprise-fields';
import { entityId, rowVersion, text } from './fields';

export interface TaskView {
  id: number;
  enterpriseId: number;
  enterpriseName: string;
  visitId: number | null;
  description: string;
  ownerUserId: number;
  ownerName: string;
  dueDate: string;
  status: 'open' | 'done' | 'cancelled';
  overdue: boolean;
  closedAt: string | null;
  closingNote: string | null;
  version: number;
}

export interface VisitView {
  id: number;
  enterpriseId: number;
  enterpriseName: string;
  kind: 'visit' | 'survey';
  visitDate: string;
  mode: 'on_site' | 'phone' | 'online';
  staff: { id: number; name: string }[];
  contactName: string | null;
  headcount: number | null;
  difficulties: { code: string; label: string; note: string | null }[];
  policies: { code: string; label: string; interest: 'applying' | 'interested' | 'not_interested' }[];
  requests: string | null;
  notes: string | null;
  hiringPlan: { id: number; occupationCode: string; title: string; quarter: string; openings: number; vacancyId: number | null }[];
  tasks: TaskView[];
  survey: {
    quarter: string;
    referenceDate: string;
    headcountPrevious: number | null;
    headcountChangeReason: string | null;
    shortageCount: number | null;
    startingPayFen: number | null;
    expectedHires: number | null;
  } | null;
  cancelledAt: string | null;
  cancelReason: string | null;
  createdAt: string;
  version: number;
}

export interface DifficultyType {
  code: string;
  label: string;
  sortOrder: number;
  active: boolean;
}

export const enterpriseVisitsContract = {
  'enterprises.recordVisit': method<VisitView>()({
    input: visitInput,
    access: 'enterprises.write',
    writes: true,
    title: '记录企业走访或用工调查',
  }),
  'enterprises.getVisit': method<VisitView>()({
    input: z.strictObject({ id: entityId }),
    access: 'enterprises.read',
    writes: false,
    title: '查看走访记录',
  }),
  'enterprises.cancelVisit': method<VisitView>()({
    input: z.strictObject({ id: entityId, version: rowVersion, reason: text(200) }),
    access: 'enterprises.write',
    writes: true,
    title: '作废走访记录',
  }),
  'enterprises.tasks': method<TaskView[]>()({
    input: z.strictObject({
      enterpriseId: entityId.optional(),
      /** Only the caller's own tasks. */
      mine: z.boolean().default(false),
      status: z.enum(['open', 'done', 'cancelled', 'all'], '未知的任务状态').default('open'),
    }),
    access: 'enterprises.read',
    writes: false,
    title: '查看跟进任务',
  }),
  'enterprises.closeTask': method<TaskView>()({
    input: z.strictObject({ id: entityId, version: rowVersion, status: z.enum(['done', 'cancelled'], '请选择完成或取消'), note: text(200, false).nullish() }),
    access: 'enterprises.write',
    writes: true,
    title: '完成或取消跟进任务',
  }),
  'enterprises.difficultyTypes': method<DifficultyType[]>()({
    input: z.strictObject({}),
    // A code table, no personal data: the administrator who maintains it reads it too.
    access: 'session',
    writes: false,
    title: '查看企业困难类型',
  }),
  'enterprises.setDifficultyType': method<DifficultyType[]>()({
    input: z.strictObject({
      code: z.string().regex(/^[a-z][a-z0-9_]{1,39}$/, '代码应为小写字母、数字和下划线'),
      label: text(20),
      sortOrder: z.number().int().min(0).max(9999),
      active: z.boolean(),
    }),
    access: 'settings.manage',
    writes: true,
    title: '维护企业困难类型',
    labels: { label: '困难类型名称' },
  }),
  'enterprises.staff': method<{ id: number; displayName: string }[]>()({
    input: z.strictObject({}),
    access: 'enterprises.read',
    writes: false,
    title: '可选的走访人员',
  }),
  'enterprises.visits': method<VisitView[]>()({
    input: z.strictObject({ enterpriseId: entityId, includeCancelled: z.boolean().default(false) }),
    access: 'enterprises.read',
    writes: false,
    title: '查看企业的走访记录',
  }),
};
