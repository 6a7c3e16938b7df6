import { z } from 'zod';
import type { Explanation, FactSnapshot, PolicyDefinition, TraceLine, VerdictResult } from '../domain/policies';
import { method } from './define';
import { entityId, text } from './fields';
import { isoDate } from './person-fields';

/** One policy of the catalogue (政策库) as the list shows it: its version in force, and a draft if one is being prepared. */
export interface PolicyListItem {
  code: string;
  name: string;
  target: 'person' | 'enterprise';
  legalBasis: string;
  fundSource: string;
  noApplication: boolean;
  /** false: the amounts are 待核 (not yet confirmed by the bureau). */
  amountsConfirmed: boolean;
  activeVersion: number | null;
  effectiveFrom: string | null;
  effectiveTo: string | null;
  draftVersion: number | null;
}

export interface PolicyVersionView {
  code: string;
  version: number;
  status: 'draft' | 'active' | 'retired';
  definition: PolicyDefinition;
  /** Chinese problems of the definition (validatePolicy); a version with any cannot be activated. */
  problems: Array<{ path: string; message: string }>;
  /** Its stored test cases: how many, and those that fail (a version with a failure cannot be activated). */
  storedCases: number;
  failingCases: Array<{ name: string; expected: string; got: string }>;
  createdAt: string;
  activatedAt: string | null;
  activatedBy: string | null;
}

/** 为什么符合 / 为什么不符合: one policy judged for one person or enterprise on a day. */
export interface PolicyEvaluation {
  policyCode: string;
  policyVersion: number;
  policyName: string;
  on: string;
  subject: { type: 'person' | 'enterprise'; id: number; name: string };
  result: VerdictResult;
  amountFen: number | null;
  amountConfirmed: boolean;
  trace: TraceLine[];
  explanation: Explanation;
  /** The frozen facts the verdict was drawn from. */
  facts: FactSnapshot;
}

const policyCode = z.string().trim().min(1, '请选择政策').max(40, '不能超过40个字符');

export const policiesContract = {
  'policies.list': method<PolicyListItem[]>()({
    input: z.strictObject({}),
    access: 'policies.read',
    writes: false,
    title: '查看政策库',
  }),
  'policies.get': method<PolicyVersionView[]>()({
    input: z.strictObject({ code: policyCode }),
    access: 'policies.read',
    writes: false,
    title: '查看一项政策的各个版本、条件与测试用例结果',
    labels: { code: '政策' },
  }),
  'policies.evaluate': method<PolicyEvaluation>()({
    // {policyCode, personId} or {policyCode, enterpriseId}: one subject, never both.
    input: z
      .strictObject({ policyCode, personId: entityId.optional(), enterpriseId: entityId.optional(), on: isoDate.optional() })
      .refine((v) => (v.personId === undefined) !== (v.enterpriseId === undefined), { message: '请指定人员或企业（二选一）', path: ['personId'] }),
    access: 'policies.find',
    writes: false,
    title: '按政策判定一名人员或一家企业是否符合（为什么符合/不符合）',
    labels: { policyCode: '政策', personId: '人员', enterpriseId: '企业', on: '判定日期' },
  }),
  'policies.saveDraft': method<PolicyVersionView>()({
    // The definition is judged by validatePolicy (shared/domain/policies), so the page and the desk give the same Chinese messages.
    input: z.strictObject({ code: policyCode, definition: z.unknown() }),
    access: 'policies.manage',
    writes: true,
    title: '保存政策的草稿版本（条件、金额公式、限制、测试用例）',
    labels: { code: '政策', definition: '政策定义' },
  }),
  'policies.activate': method<PolicyVersionView>()({
    input: z.strictObject({ code: policyCode, version: z.number().int().min(1), reason: text(200) }),
    access: 'policies.manage',
    writes: true,
    title: '启用政策版本（先通过校验和全部测试用例；原版本停用，已作出的决定不受影响）',
    labels: { code: '政策', version: '版本', reason: '启用原因' },
  }),
};
