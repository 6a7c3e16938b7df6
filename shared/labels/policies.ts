/**
 * The words of the 政策 area (政策库, 政策找人, 免申即享) for the codes the
 * policy contract carries, so no stored code reaches the screen or the paper.
 */
import type { BatchView, FindingStatus, OutreachView, PolicyVersionView, SweepView } from '../contract';
import type { FactTarget, Outcome, TraceLine, VerdictResult } from '../domain/policies';

export const POLICY_TARGET_LABELS: Record<FactTarget, string> = { person: '个人', enterprise: '单位' };

export const VERDICT_LABELS: Record<VerdictResult, string> = { eligible: '符合', not_eligible: '不符合', needs_check: '需人工核查' };
export const VERDICT_COLORS: Record<VerdictResult, string> = { eligible: 'green', not_eligible: 'red', needs_check: 'orange' };

export const VERSION_STATUS_LABELS: Record<PolicyVersionView['status'], string> = { draft: '草稿', active: '启用中', retired: '已停用' };

export const FINDING_STATUS_LABELS: Record<FindingStatus, string> = {
  open: '待联系',
  contacted: '已联系',
  applied: '已生成申请',
  declined: '已放弃或不予确认',
  gone: '已不符合',
};

export const OUTREACH_CHANNEL_LABELS: Record<OutreachView['channel'], string> = { phone: '电话', sms: '短信', letter: '信函', home_visit: '上门', wechat: '微信' };

export const OUTREACH_OUTCOME_LABELS: Record<OutreachView['outcome'], string> = {
  reached: '已告知',
  no_answer: '未联系上',
  interested: '有意申请',
  declined: '明确放弃',
  applied: '已申请',
};

export const SWEEP_MODE_LABELS: Record<SweepView['mode'], string> = { full: '全部比对', incremental: '增量比对' };

export const BATCH_STATE_LABELS: Record<BatchView['state'], string> = { proposed: '待确认', decided: '已全部确认' };

export const BATCH_DECISION_LABELS = { confirmed: '已确认', rejected: '不予确认', pending: '待确认' } as const;

/** The mark beside one line of a trace: what pass, fail and unknown mean for that kind of line. */
export function traceMark(line: Pick<TraceLine, 'kind' | 'outcome'>): { label: string; color: string } {
  const color: Record<Outcome, string> = { pass: 'green', fail: 'red', unknown: 'orange' };
  const words: Partial<Record<TraceLine['kind'], Record<Outcome, string>>> = {
    amount: { pass: '已计算', fail: '无可发金额', unknown: '无法计算' },
    checklist: { pass: '已核查', fail: '未通过', unknown: '待核查' },
    effective: { pass: '在有效期内', fail: '不在有效期内', unknown: '无法判断' },
  };
  const label = (words[line.kind] ?? { pass: '满足', fail: '不满足', unknown: '待核查' })[line.outcome];
  return { label, color: color[line.outcome] };
}

/** A label for a code the contract carries as a plain string (a stored outreach's channel or outcome). */
export function labelFor(table: Readonly<Record<string, string>>, code: string): string {
  return Object.hasOwn(table, code) ? table[code]! : '（未知）';
}
