import { ROLE_LABELS } from '../labels/zh-CN';
import type { Role } from '../roles';

/**
 * The life of an application (申请) as data: each case type declares its
 * transitions, who may make them and what they need; this file only reads
 * those declarations. Keeping the rules in data rather than in branches means
 * the router, the buttons on screen and the tests all consult the same table,
 * so the UI cannot offer a step the router would refuse.
 *
 * Nothing here writes: checkTransition answers yes (with the next state) or
 * no (with a Chinese reason naming the rule), and applyTransition adds the
 * record the service must append to the case history. A refusal carries no
 * record, so a service that persists only records cannot write on refusal.
 */

export type CaseState = 'draft' | 'not_accepted' | 'accepted' | 'in_review' | 'returned' | 'approved' | 'rejected' | 'withdrawn';
export type CaseAction = 'accept' | 'decline' | 'start_review' | 'return' | 'resubmit' | 'approve' | 'reject' | 'withdraw';

export const CASE_STATES: readonly CaseState[] = ['draft', 'not_accepted', 'accepted', 'in_review', 'returned', 'approved', 'rejected', 'withdrawn'];
export const CASE_ACTIONS: readonly CaseAction[] = ['accept', 'decline', 'start_review', 'return', 'resubmit', 'approve', 'reject', 'withdraw'];

export interface TransitionRule {
  action: CaseAction;
  from: readonly CaseState[];
  to: CaseState;
  /** Any one of these roles suffices. */
  roles: readonly Role[];
  commentRequired?: boolean;
  /** actor must differ from whoever prepared or accepted the case */
  separateFromPreparer?: boolean;
  /** Refused while a required document is missing (受理, and resubmission after 补正). */
  requiresCompleteDocuments?: boolean;
}

export interface WorkflowFacts {
  /** User who created the draft. */
  preparedBy: number;
  /** User who performed `accept`; null before acceptance. Resubmission after 补正 does not change it. */
  acceptedBy: number | null;
  /** LABELS of required documents not yet provided (see missingRequiredDocuments in case-types), quoted in reasons. */
  missingRequiredDocuments: string[];
}

export interface WorkflowActor {
  userId: number;
  roles: readonly Role[];
}

/**
 * Why a step is refused, for the caller to answer with the right kind of
 * error: the case is not where the step starts (or has no such step), the
 * caller is not the one to take it (role, separation of duties), or something
 * the caller can supply is missing (a reason, a required document).
 */
export type RefusalKind = 'not_now' | 'not_yours' | 'incomplete';

export type TransitionCheck = { ok: true; to: CaseState } | { ok: false; reason: string; kind: RefusalKind };

export const STATE_LABELS: Record<CaseState, string> = {
  draft: '草稿',
  not_accepted: '不予受理',
  accepted: '已受理',
  in_review: '审核中',
  returned: '退回补正',
  approved: '已批准',
  rejected: '不予批准',
  withdrawn: '已撤回',
};

export const ACTION_LABELS: Record<CaseAction, string> = {
  accept: '受理',
  decline: '不予受理',
  start_review: '开始审核',
  return: '退回补正',
  resubmit: '补正后重新提交',
  approve: '批准',
  reject: '不予批准',
  withdraw: '撤回',
};

/** States in which the case is still being handled; the other four are final. */
export const OPEN_STATES: readonly CaseState[] = ['draft', 'accepted', 'in_review', 'returned'];

export function isOpen(state: CaseState): boolean {
  return OPEN_STATES.includes(state);
}

/**
 * The workflow every case type starts from. 退回补正 goes back to 已受理
 * on resubmission rather than to 审核中, so a reviewer picks the case up again
 * knowingly instead of finding it back in the queue unannounced.
 */
export const STANDARD_WORKFLOW: readonly TransitionRule[] = [
  { action: 'accept', from: ['draft'], to: 'accepted', roles: ['front_desk'], requiresCompleteDocuments: true },
  // 不予受理: the case is not this office's, or the applicant plainly cannot apply; decided at the window
  // with a reason, and a numbered 不予受理告知书 is printed.
  { action: 'decline', from: ['draft'], to: 'not_accepted', roles: ['front_desk'], commentRequired: true },
  { action: 'start_review', from: ['accepted'], to: 'in_review', roles: ['reviewer', 'head'] },
  { action: 'return', from: ['accepted', 'in_review'], to: 'returned', roles: ['front_desk', 'reviewer', 'head'], commentRequired: true },
  { action: 'resubmit', from: ['returned'], to: 'accepted', roles: ['front_desk'], requiresCompleteDocuments: true },
  { action: 'approve', from: ['in_review'], to: 'approved', roles: ['reviewer', 'head'], separateFromPreparer: true },
  { action: 'reject', from: ['in_review'], to: 'rejected', roles: ['reviewer', 'head'], separateFromPreparer: true, commentRequired: true },
  // The applicant withdraws; the front desk records it on their behalf.
  { action: 'withdraw', from: ['draft', 'accepted', 'in_review', 'returned'], to: 'withdrawn', roles: ['front_desk'] },
];

function roleList(roles: readonly Role[]): string {
  return roles.map((r) => ROLE_LABELS[r]).join('或');
}

/** Every rule that applies, in order: state, role, separation of duties, comment, documents. */
function refusal(
  workflow: readonly TransitionRule[],
  state: CaseState,
  action: CaseAction,
  actor: WorkflowActor,
  facts: WorkflowFacts,
  comment: string | null,
  checkComment: boolean,
): { rule: TransitionRule; reason: null } | { rule: null; reason: string; kind: RefusalKind } {
  const act = `「${ACTION_LABELS[action]}」`;
  const refused = (kind: RefusalKind, reason: string) => ({ rule: null, reason, kind });
  if (!isOpen(state)) return refused('not_now', `案件已办结（${STATE_LABELS[state]}），不能再${act}`);
  const candidates = workflow.filter((r) => r.action === action);
  if (candidates.length === 0) return refused('not_now', `此类事项没有${act}环节`);
  const rule = candidates.find((r) => r.from.includes(state));
  if (!rule) {
    const allowed = [...new Set(candidates.flatMap((r) => r.from))].map((s) => STATE_LABELS[s]).join('、');
    return refused('not_now', `案件处于「${STATE_LABELS[state]}」状态，不能${act}（仅限：${allowed}）`);
  }
  if (!rule.roles.some((r) => actor.roles.includes(r))) return refused('not_yours', `${act}须由${roleList(rule.roles)}办理`);
  if (rule.separateFromPreparer && (actor.userId === facts.preparedBy || actor.userId === facts.acceptedBy)) {
    return refused('not_yours', `职责分离：本申请由您录入或受理，不能由您${act}，请交其他审核人员办理`);
  }
  if (checkComment && rule.commentRequired && (comment === null || comment.trim() === '')) {
    return refused('incomplete', `${act}须填写理由`);
  }
  if (rule.requiresCompleteDocuments && facts.missingRequiredDocuments.length > 0) {
    return refused('incomplete', `缺少必需材料：${facts.missingRequiredDocuments.join('、')}，不能${act}`);
  }
  return { rule, reason: null };
}

/**
 * May `actor` take `action` on a case in `state`? Reports the first rule that
 * refuses, in the order state → role → separation of duties → comment →
 * documents, so the reason names what the person at the desk can act on.
 */
export function checkTransition(
  workflow: readonly TransitionRule[],
  state: CaseState,
  action: CaseAction,
  actor: WorkflowActor,
  facts: WorkflowFacts,
  comment: string | null,
): TransitionCheck {
  const result = refusal(workflow, state, action, actor, facts, comment, true);
  return result.rule !== null ? { ok: true, to: result.rule.to } : { ok: false, reason: result.reason, kind: result.kind };
}

/** One line of a case's history; the service appends it in the same transaction as the state change. */
export interface TransitionRecord {
  action: CaseAction;
  from: CaseState;
  to: CaseState;
  actorUserId: number;
  /** ISO timestamp (UTC) supplied by the caller, so this stays pure. */
  at: string;
  /** Trimmed; null when none was given. */
  comment: string | null;
}

export type TransitionResult =
  | { ok: true; to: CaseState; record: TransitionRecord; facts: WorkflowFacts; effects: readonly string[] }
  | { ok: false; reason: string; kind: RefusalKind };

/**
 * checkTransition plus what to persist and carry out: the history record, the
 * facts after the step (acceptedBy is set by `accept`, which is how
 * separation of duties later knows who accepted), and the effects the step
 * brings — the case type's `onApprove` effects when it approves, none
 * otherwise. The case service only carries them out (db/services/case-effects.ts).
 */
export function applyTransition(
  workflow: readonly TransitionRule[],
  state: CaseState,
  action: CaseAction,
  actor: WorkflowActor,
  facts: WorkflowFacts,
  comment: string | null,
  at: string,
  onApprove: readonly string[] = [],
): TransitionResult {
  const check = checkTransition(workflow, state, action, actor, facts, comment);
  if (!check.ok) return check;
  const trimmed = comment === null || comment.trim() === '' ? null : comment.trim();
  const record: TransitionRecord = { action, from: state, to: check.to, actorUserId: actor.userId, at, comment: trimmed };
  const nextFacts = action === 'accept' ? { ...facts, acceptedBy: actor.userId } : facts;
  return { ok: true, to: check.to, record, facts: nextFacts, effects: check.to === 'approved' ? onApprove : [] };
}

/**
 * The actions `actor` may take now, for the buttons on a case; a comment is
 * not yet known, so rules that need one are offered with commentRequired set
 * and the dialog asks for it.
 */
export function availableActions(
  workflow: readonly TransitionRule[],
  state: CaseState,
  actor: WorkflowActor,
  facts: WorkflowFacts,
): { action: CaseAction; to: CaseState; commentRequired: boolean }[] {
  return CASE_ACTIONS.flatMap((action) => {
    const { rule } = refusal(workflow, state, action, actor, facts, null, false);
    return rule ? [{ action, to: rule.to, commentRequired: rule.commentRequired === true }] : [];
  });
}

/** States reachable from `start` by following the rules; for checks of a workflow's shape. */
export function reachableStates(workflow: readonly TransitionRule[], start: CaseState = 'draft'): Set<CaseState> {
  const seen = new Set<CaseState>([start]);
  const queue = [start];
  for (let state = queue.shift(); state !== undefined; state = queue.shift()) {
    for (const rule of workflow) {
      if (rule.from.includes(state) && !seen.has(rule.to)) {
        seen.add(rule.to);
        queue.push(rule.to);
      }
    }
  }
  return seen;
}

/**
 * Problems with a workflow declaration, so a mistake in a case type's data
 * fails a unit test instead of surfacing at the desk. The separation rule for
 * decisions is checked here because a table that forgot it would otherwise
 * quietly let a clerk approve their own case.
 */
export function workflowProblems(workflow: readonly TransitionRule[]): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const rule of workflow) {
    for (const from of rule.from) {
      const key = `${rule.action}@${from}`;
      if (seen.has(key)) problems.push(`${rule.action} from ${from} is declared twice`);
      seen.add(key);
      if (!isOpen(from)) problems.push(`${rule.action} leaves final state ${from}`);
    }
    if (rule.roles.length === 0) problems.push(`${rule.action} names no role`);
    if ((rule.to === 'approved' || rule.to === 'rejected') && !rule.separateFromPreparer) {
      problems.push(`${rule.action} decides the case without separation of duties`);
    }
  }
  return problems;
}
