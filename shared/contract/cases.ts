import { z } from 'zod';
import type { CaseListItem, CaseView } from './case-views';
import { method } from './define';
import { entityId, page, pageSize, rowVersion, text } from './fields';

const caseType = z.enum(['unemployment_registration', 'employment_registration', 'difficulty_certification', 'subsidy_application', 'training_subsidy_claim'], '未知的业务类型');
const form = z.record(z.string().max(40), z.string().max(500).nullable());
const documents = z.array(z.string().max(40)).max(30);

export const casesContract = {
  'cases.create': method<CaseView>()({
    // The applicant: a person, or an enterprise where the case type allows it (补贴申请).
    input: z
      .strictObject({ personId: entityId.optional(), enterpriseId: entityId.optional(), caseType, form, documents })
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
    // The case type's workflow names the roles of each action; the service checks them.
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
