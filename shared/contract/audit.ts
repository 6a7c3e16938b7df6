import { z } from 'zod';
import { isRealDate } from '../domain/id-number';
import { method } from './define';
import { entityId, page, pageSize, text } from './fields';

export interface AuditEntryView {
  id: number;
  at: string;
  actorUserId: number | null;
  actorName: string | null;
  action: string;
  /** The contract's Chinese title of the action, e.g. 登记人员. */
  actionTitle: string;
  entityType: string | null;
  entityId: string | null;
  /** What the entry is about, as staff name it: 人员档案 张三（3205**********004X）, 业务 320506-2026-00001. */
  entityLabel: string | null;
  detail: Record<string, unknown> | null;
  /** The detail in Chinese (shared/labels/audit-detail.ts), for screens and exports. */
  detailText: string;
  /** The workstation (办公室模式) the act came from; null on the host itself. */
  workstation: string | null;
}

export interface AuditPage {
  items: AuditEntryView[];
  total: number;
  page: number;
  pageSize: number;
}

export interface AuditChainStatus {
  ok: boolean;
  entries: number;
  brokenId?: number;
  reason?: string;
}

/** The citizen's 信息查询 report: who viewed or changed this person's record, and when. */
export interface PersonAccessReport {
  personId: number;
  personName: string;
  idNumberMasked: string;
  countyName: string;
  /** Letterhead and seal (系统设置 → 机构名称). */
  bureauName: string;
  generatedAt: string;
  entries: AuditEntryView[];
}

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD')
  .refine((v) => isRealDate(Number(v.slice(0, 4)), Number(v.slice(5, 7)), Number(v.slice(8, 10))), '日期不存在');

export const auditFilter = z.strictObject({
  personId: entityId.optional(),
  actorUserId: entityId.optional(),
  action: text(60, false).optional(),
  /** Office calendar dates, inclusive. */
  from: isoDate.optional(),
  to: isoDate.optional(),
});

export const auditContract = {
  'audit.list': method<AuditPage>()({
    input: auditFilter.extend({ page, pageSize }),
    access: 'audit.read',
    writes: false,
    title: '查看审计日志',
  }),
  'audit.exportXlsx': method<{ fileName: string; base64: string; rows: number }>()({
    input: auditFilter,
    access: 'audit.read',
    writes: true,
    title: '导出审计日志',
  }),
  'audit.verify': method<AuditChainStatus>()({
    input: z.strictObject({}),
    access: 'audit.read',
    writes: false,
    title: '校验审计日志完整性',
  }),
  'audit.personAccessReport': method<PersonAccessReport>()({
    input: z.strictObject({ personId: entityId }),
    access: 'persons.read',
    writes: true,
    title: '生成个人信息查询报告',
  }),
  'audit.recordPrint': method<null>()({
    input: z.strictObject({ document: text(60), entityType: text(30, false).optional(), entityId: text(30, false).optional() }),
    access: 'session',
    writes: true,
    title: '打印',
  }),
};
