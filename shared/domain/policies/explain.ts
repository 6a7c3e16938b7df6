import { formatFen } from '../money';
import type { Outcome, TraceLine, Verdict } from './engine';

/**
 * 为什么符合 / 为什么不符合: a verdict in plain Chinese for the UI — a headline
 * and one sentence per line of the trace that cases, the deciding ones
 * first. Built from the trace alone, so a stored verdict explains itself
 * years later without the policy version at hand.
 */

export interface Explanation {
  title: '为什么符合' | '为什么不符合' | '为什么需要人工核查';
  headline: string;
  lines: string[];
}

const INDENT = '　';

/** One trace line as a sentence. */
export function traceSentence(line: TraceLine): string {
  const pad = INDENT.repeat(line.depth);
  switch (line.kind) {
    case 'group':
      return `${pad}${line.label}（${line.rule}）：${line.seen}。`;
    case 'checklist':
      return `${pad}${line.outcome === 'pass' ? '已核查' : '待人工核查'}：${line.label}。`;
    case 'effective':
      return `${pad}${line.seen}${line.outcome === 'pass' ? '在' : '不在'}政策有效期内（${line.rule}）。`;
    case 'amount':
      return `${pad}补贴金额：${line.seen}（${line.rule}）。`;
    case 'limit':
      return `${pad}${line.label}（${line.rule}）：${line.seen}，${{ pass: '未超出', fail: '已达到限制', unknown: '无法判断，需人工核查' }[line.outcome]}。`;
    case 'exclusion':
      return `${pad}${line.rule}（本年度已享受：${line.seen}），${{ pass: '满足', fail: '不满足，两者不能同时享受', unknown: '无法判断，需人工核查' }[line.outcome]}。`;
    default: {
      const verdict: Record<Outcome, string> = {
        pass: `满足“${line.rule}”`,
        fail: `不满足“${line.rule}”`,
        unknown: `无法判断是否满足“${line.rule}”，需人工核查`,
      };
      const seen = line.seen.startsWith('未知') ? '没有数据' : `为${line.seen}`;
      return `${pad}${line.label}${seen}，${verdict[line.outcome]}。`;
    }
  }
}

/** The deciding lines, each group followed by its own lines so the reason inside it shows too. */
function ordered(trace: readonly TraceLine[], lead: readonly TraceLine[]): TraceLine[] {
  return lead.flatMap((l) => (l.kind === 'group' || l.kind === 'limit' ? trace.slice(trace.indexOf(l), nextTop(trace, l)) : [l]));
}

function nextTop(trace: readonly TraceLine[], line: TraceLine): number {
  const i = trace.indexOf(line);
  const next = trace.findIndex((l, j) => j > i && l.depth === 0);
  return next === -1 ? trace.length : next;
}

/** What a top line is about, for the headline: its label; a checklist item's label is the thing to check. */
function subject(line: TraceLine): string {
  return line.kind === 'checklist' ? `核查“${line.label}”` : line.label;
}

export function explainVerdict(verdict: Verdict): Explanation {
  const name = `「${verdict.policyName}」`;
  const pending = verdict.amountConfirmed ? '' : '（金额标准待核，以局里确认的为准）';
  const amount = verdict.amountFen === null ? '' : `金额${formatFen(verdict.amountFen)}${pending}`;
  const top = verdict.trace.filter((l) => l.depth === 0);
  switch (verdict.result) {
    case 'eligible':
      return {
        title: '为什么符合',
        headline: `符合${name}，各项条件均已满足；${amount}${verdict.noApplication ? '；本政策免申即享' : ''}。`,
        lines: verdict.trace.map(traceSentence),
      };
    case 'not_eligible': {
      // A zero amount that follows from another failure (months used up) is not a reason of its own.
      const failed = top.filter((l) => l.outcome === 'fail');
      const reasons = failed.length > 1 ? failed.filter((l) => l.kind !== 'amount') : failed;
      return {
        title: '为什么不符合',
        headline: `不符合${name}，不满足的是：${[...new Set(reasons.map(subject))].join('；')}。`,
        lines: ordered(verdict.trace, reasons).map(traceSentence),
      };
    }
    case 'needs_check': {
      const open = top.filter((l) => l.outcome === 'unknown');
      return {
        title: '为什么需要人工核查',
        headline: `初步符合${name}，有${open.length}项需人工核查：${open.map(subject).join('；')}。${amount ? `预计${amount}。` : '金额待核查后计算。'}`,
        lines: [...ordered(verdict.trace, open), ...top.filter((l) => l.outcome === 'pass')].map(traceSentence),
      };
    }
  }
}
