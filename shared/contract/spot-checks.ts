import { z } from 'zod';
import { method } from './define';
import { entityId, page, pageSize, text } from './fields';
import { isoDate } from './person-fields';
import type { PayeeRef } from './payments';

/**
 * 抽查 (spot checks): a campaign samples a share of the subsidy applications
 * decided in a period for re-review by someone who decided none of them; each
 * sampled application gets a finding, and an irregular one may open a recovery.
 */
export interface SpotCheckItemView {
  id: number;
  caseId: number;
  receiptNo: string | null;
  applicant: PayeeRef;
  policyName: string;
  amountFen: number;
  decidedBy: string | null;
  decidedAt: string | null;
  finding: 'confirmed' | 'irregular' | null;
  note: string | null;
  checkedBy: string | null;
  checkedAt: string | null;
  /** The recovery opened from an irregular finding. */
  recoveryNumber: string | null;
  /** The paid batch line of the application's entitlement, which a recovery is ordered against; null when not paid (yet). */
  paidLine: { batchId: number; lineNo: number; lineRef: string } | null;
}

export interface SpotCheckListItem {
  id: number;
  name: string;
  decidedFrom: string;
  decidedTo: string;
  policyCode: string | null;
  sharePercent: number;
  population: number;
  sampled: number;
  checked: number;
  irregular: number;
  state: 'open' | 'finished';
  createdBy: string | null;
  createdAt: string;
}

export interface SpotCheckView extends SpotCheckListItem {
  items: SpotCheckItemView[];
  /** The seed of the sample, recorded so the draw can be shown to be unbiased. */
  seed: string;
}

export const spotChecksContract = {
  'spotChecks.list': method<{ items: SpotCheckListItem[]; total: number }>()({
    input: z.strictObject({ page, pageSize }),
    access: 'payments.read',
    writes: false,
    title: '抽查列表',
  }),
  'spotChecks.create': method<SpotCheckView>()({
    input: z.strictObject({
      name: text(60),
      decidedFrom: isoDate,
      decidedTo: isoDate,
      policyCode: text(40, false).optional(),
      sharePercent: z.number().int('抽查比例应为整数（%）').min(1, '抽查比例应为1%–100%').max(100, '抽查比例应为1%–100%'),
    }),
    access: 'spotChecks.manage',
    writes: true,
    title: '发起抽查',
    labels: { name: '抽查名称', decidedFrom: '审批日期起', decidedTo: '审批日期止', policyCode: '补贴项目', sharePercent: '抽查比例' },
  }),
  'spotChecks.get': method<SpotCheckView>()({
    input: z.strictObject({ id: entityId }),
    access: 'payments.read',
    writes: false,
    title: '查看抽查',
  }),
  'spotChecks.record': method<SpotCheckView>()({
    input: z.strictObject({ itemId: entityId, finding: z.enum(['confirmed', 'irregular'], '核查结论应为“无误”或“有问题”'), note: text(500) }),
    access: 'spotChecks.manage',
    writes: true,
    title: '记录抽查结论',
    labels: { finding: '核查结论', note: '核查情况' },
  }),
  'spotChecks.finish': method<SpotCheckView>()({
    input: z.strictObject({ id: entityId }),
    access: 'spotChecks.manage',
    writes: true,
    title: '结束抽查',
  }),
};
