import { z } from 'zod';
import type { ApplicantKind, MatterTypeCode } from '../domain/matter-types';
import type { CaseAction, CaseState } from '../domain/workflow';
import type { AttachmentView } from './case-attachments';
import { method } from './define';
import { entityId, page, pageSize, rowVersion, text } from './fields';

export interface CaseView {
  id: number;
  receiptNo: string | null;
  matterType: MatterTypeCode;
  matterLabel: string;
  applicantKind: ApplicantKind;
  /** Exactly one of the two is set, as applicantKind says. */
  personId: number | null;
  enterpriseId: number | null;
  /** The person's name or the enterprise's. */
  applicantName: string;
  /** The person's ID number masked, or the enterprise's credit code (public, not masked). */
  applicantIdentifier: string;
  state: CaseState;
  form: Record<string, string | null>;
  documents: { code: string; label: string; required: boolean; received: boolean }[];
  /** Files handed in, removed ones included (they are kept with their reason). */
  attachments: AttachmentView[];
  preparedByName: string | null;
  acceptedByName: string | null;
  acceptedOn: string | null;
  dueDate: string | null;
  overdue: boolean;
  decidedByName: string | null;
  decidedAt: string | null;
  decisionComment: string | null;
  /** What the decision relied on, frozen at that moment. */
  decisionSnapshot: {
    name: string;
    /** A person's facts (null for an enterprise). */
    employmentStatus: string | null;
    keyGroups: string[];
    age: number | null;
    /** An enterprise's facts (absent for a person). */
    creditCode?: string | null;
    enterpriseStatus?: string;
    sizeClass?: string | null;
    /** Names of the form's choices from the administrator's code tables as they read at the decision (absent in decisions taken before they were kept). */
    choiceLabels?: Record<string, string>;
  } | null;
  transitions: { action: CaseAction; fromState: CaseState; toState: CaseState; actorName: string | null; at: string; comment: string | null }[];
  /** What the caller may do next (the backend checks again on the call). */
  availableActions: { action: CaseAction; commentRequired: boolean }[];
  createdAt: string;
  version: number;
}

export interface CaseListItem {
  id: number;
  receiptNo: string | null;
  matterLabel: string;
  applicantKind: ApplicantKind;
  personId: number | null;
  enterpriseId: number | null;
  applicantName: string;
  state: CaseState;
  acceptedOn: string | null;
  dueDate: string | null;
  overdue: boolean;
  preparedByName: string | null;
}

const matterType = z.enum(['unemployment_registration', 'employment_registration', 'difficulty_certification', 'subsidy_application'], '未知的业务类型');
const form = z.record(z.string().max(40), z.string().max(500).nullable());
const documents = z.array(z.string().max(40)).max(30);

export interface CalendarDay {
  date: string;
  kind: 'holiday' | 'workday';
  note: string | null;
}

export const casesContract = {
  'calendar.list': method<CalendarDay[]>()({
    input: z.strictObject({ year: z.number().int().min(2000).max(2100) }),
    access: 'session',
    writes: false,
    title: '查看工作日历（节假日与调休）',
  }),
  'calendar.set': method<CalendarDay[]>()({
    input: z.strictObject({
      date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD'),
      /** null removes the entry: the day follows the ordinary week again. */
      kind: z.enum(['holiday', 'workday'], '请选择节假日或调休上班').nullable(),
      note: text(50, false).nullish(),
    }),
    access: 'settings.manage',
    writes: true,
    title: '设置节假日或调休上班日',
  }),
  'cases.create': method<CaseView>()({
    // The applicant: a person, or an enterprise where the matter type allows it (补贴申请).
    input: z
      .strictObject({ personId: entityId.optional(), enterpriseId: entityId.optional(), matterType, form, documents })
      .refine((v) => (v.personId === undefined) !== (v.enterpriseId === undefined), { message: '请选择申请人（个人或单位，二选一）', path: ['personId'] }),
    access: 'cases.prepare',
    writes: true,
    title: '新建业务（草稿）',
  }),
  'cases.update': method<CaseView>()({
    input: z.strictObject({ id: entityId, version: rowVersion, form, documents }),
    access: 'cases.prepare',
    writes: true,
    title: '修改业务材料',
  }),
  'cases.transition': method<CaseView>()({
    input: z.strictObject({
      id: entityId,
      version: rowVersion,
      action: z.enum(['accept', 'decline', 'start_review', 'return', 'resubmit', 'approve', 'reject', 'withdraw'], '未知的操作'),
      comment: text(500, false).nullish(),
    }),
    // The matter type's workflow names the roles of each action; the service checks them.
    access: 'cases.read',
    writes: true,
    title: '办理业务（受理、审核、批准、退回……）',
  }),
  'cases.get': method<CaseView>()({
    input: z.strictObject({ id: entityId }),
    access: 'cases.read',
    writes: false,
    title: '查看业务',
  }),
  'cases.list': method<{ items: CaseListItem[]; total: number }>()({
    input: z.strictObject({ scope: z.enum(['open', 'mine', 'person', 'enterprise'], '未知的范围'), personId: entityId.optional(), enterpriseId: entityId.optional(), page, pageSize }),
    access: 'cases.read',
    writes: false,
    title: '业务列表（待办）',
  }),
};
