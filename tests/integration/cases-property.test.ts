import { describe, expect, it } from 'vitest';
import type { CaseView } from '../../shared/contract';
import { CASE_ACTIONS, STANDARD_WORKFLOW, type CaseAction, type CaseState } from '../../shared/domain/workflow';
import type { Role } from '../../shared/roles';
import type { ErrorCode } from '../../shared/rpc';
import type { Call } from './accounts-helpers';
import { act, colleagues, createCase, footprint, registerPerson, userId, UNEMPLOYMENT_DOCS, UNEMPLOYMENT_FORM, type Footprint } from './cases-helpers';
import { readyDesk } from './helpers';
import { idNumber, rows } from './registry-helpers';
import { mulberry32 as prng } from '../fixtures/seeded-random';


const SEED = 20261127;
const SEQUENCES = 300;
const COMMENTS = [undefined, null, '', '  ', '材料已核', '请补充告知承诺书'] as const;
const NAMES = ['周敏', '吴磊', '郑洁', '冯涛', '陈晨', '褚红', '卫东', '蒋丽', '沈杰', '韩梅'];

interface Actor {
  name: string;
  id: number;
  roles: Role[];
  call: Call;
}

interface Model {
  state: CaseState;
  version: number;
  preparedBy: number;
  acceptedBy: number | null;
  documentsComplete: boolean;
  formComplete: boolean;
}

/** What the workflow table says the call must do: the next state, or the error code of the refusal. */
function expected(model: Model, action: CaseAction, actor: Actor, comment: string | null | undefined, version: number): { to: CaseState } | { code: ErrorCode } {
  if (version !== model.version) return { code: 'CONFLICT' };
  const rule = STANDARD_WORKFLOW.find((r) => r.action === action && r.from.includes(model.state));
  if (!rule) return { code: 'CONFLICT' };
  if (!rule.roles.some((r) => actor.roles.includes(r))) return { code: 'FORBIDDEN' };
  if (rule.separateFromPreparer && (actor.id === model.preparedBy || actor.id === model.acceptedBy)) return { code: 'FORBIDDEN' };
  if (rule.commentRequired && (comment == null || comment.trim() === '')) return { code: 'BAD_INPUT' };
  if (rule.requiresCompleteDocuments && !model.documentsComplete) return { code: 'BAD_INPUT' };
  if (action === 'accept' && !model.formComplete) return { code: 'BAD_INPUT' };
  return { to: rule.to };
}

describe('cases.transition under random use', () => {
  it(`follows the workflow table over ${SEQUENCES} random sequences by random colleagues; refusals change nothing; nobody decides a case they prepared or accepted`, () => {
    const ready = readyDesk();
    const made = colleagues(ready, ['liuyang', 'lina', 'zhouqiang', 'sunli', 'chenjing']);
    const actors: Actor[] = [
      { name: 'wangfang', id: userId(ready, 'wangfang'), roles: ['admin', 'front_desk'], call: ready.call },
      ...Object.values(made).map((c) => ({ name: c.username, id: c.user.id, roles: c.roles, call: c.call })),
    ];
    const preparers = actors.filter((a) => a.roles.includes('front_desk'));
    const random = prng(SEED);
    const pick = <T,>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
    const tally = { calls: 0, refused: 0, separation: 0, approved: 0, rejected: 0, returned: 0, withdrawn: 0, not_accepted: 0 };

    for (let n = 0; n < SEQUENCES; n += 1) {
      const birth = `${1975 + (n % 30)}-${String(1 + (n % 12)).padStart(2, '0')}-${String(1 + (n % 28)).padStart(2, '0')}`;
      const personId = registerPerson(ready, { idNumber: idNumber('320506', birth, String(100 + n).padStart(3, '0')), name: pick(NAMES) });
      const documentsComplete = random() < 0.85;
      const formComplete = random() < 0.9;
      const preparer = pick(preparers);
      const view: CaseView = createCase(
        preparer.call,
        personId,
        'unemployment_registration',
        formComplete ? UNEMPLOYMENT_FORM : { ...UNEMPLOYMENT_FORM, unemploymentCause: null },
        documentsComplete ? UNEMPLOYMENT_DOCS : ['id_card'],
      );
      const model: Model = { state: 'draft', version: view.version, preparedBy: preparer.id, acceptedBy: null, documentsComplete, formComplete };
      const steps = 4 + Math.floor(random() * 14);
      for (let step = 0; step < steps; step += 1) {
        // Mostly a step the state offers (withdrawal and 不予受理, which end a case at once, left to the uniform draw so cases live on).
        const offered = CASE_ACTIONS.filter((a) => a !== 'withdraw' && a !== 'decline' && STANDARD_WORKFLOW.some((r) => r.action === a && r.from.includes(model.state)));
        const action = random() < 0.8 && offered.length ? pick(offered) : pick(CASE_ACTIONS);
        // Often someone already involved, so separation of duties is put to the test.
        const involved = actors.filter((a) => a.id === model.preparedBy || a.id === model.acceptedBy);
        const actor = random() < 0.2 ? pick(involved) : pick(actors);
        const comment = pick(COMMENTS);
        // A stale screen (an older version) or one from a race lost (a newer one); versions start at 1.
        const version = random() < 0.08 ? (model.version > 1 && random() < 0.5 ? model.version - 1 : model.version + 1) : model.version;
        const want = expected(model, action, actor, comment, version);
        const where = `seed ${SEED}, sequence ${n}, step ${step}: ${actor.name} ${action} on ${model.state} v${model.version} (sent v${version}, comment ${JSON.stringify(comment)})`;
        const before: Footprint = footprint(ready, view.id);
        expect(before, where).toMatchObject({ state: model.state, version: model.version });
        const result = act(actor.call, { id: view.id, version }, action, comment);
        const after = footprint(ready, view.id);
        tally.calls += 1;
        if ('code' in want) {
          expect(result.ok ? 'success' : result.error.code, where).toBe(want.code);
          expect(after, where).toEqual(before);
          tally.refused += 1;
          if (!result.ok && result.error.message.startsWith('职责分离')) tally.separation += 1;
          continue;
        }
        expect(result.ok ? 'success' : `${result.error.code}: ${result.error.message}`, where).toBe('success');
        expect(after, where).toEqual({ ...before, state: want.to, version: before.version + 1, transitions: before.transitions + 1, audit: before.audit + 1, receiptSeq: action === 'accept' || action === 'decline' ? after.receiptSeq : before.receiptSeq });
        // A receipt, or the number of the 不予受理告知书, from the same yearly series.
        if (action === 'accept' || action === 'decline') expect(after.receiptSeq, where).not.toBe(before.receiptSeq);
        if (action === 'accept') model.acceptedBy = actor.id;
        model.state = want.to;
        model.version += 1;
        if (want.to === 'approved' || want.to === 'rejected' || want.to === 'returned' || want.to === 'withdrawn' || want.to === 'not_accepted') tally[want.to] += 1;
      }
      const status = rows(ready, 'select employment_status as s from persons where id = ?', personId)[0]!.s;
      expect(status, `sequence ${n}`).toBe(model.state === 'approved' ? 'unemployed_registered' : 'unemployed_unregistered');
    }

    // Nobody ever decided a case they prepared or accepted.
    expect(
      rows(
        ready,
        `select t.id from case_transitions t join cases c on c.id = t.case_id
         where t.action in ('approve', 'reject') and (t.actor_user_id = c.prepared_by or t.actor_user_id = c.accepted_by)`,
      ),
    ).toEqual([]);
    // Every stored step is a rule of the table, and each case's steps chain from 草稿.
    const stored = rows(ready, 'select case_id, action, from_state, to_state from case_transitions order by case_id, id') as Array<{ case_id: number; action: CaseAction; from_state: CaseState; to_state: CaseState }>;
    const last = new Map<number, CaseState>();
    for (const t of stored) {
      expect(STANDARD_WORKFLOW.some((r) => r.action === t.action && r.from.includes(t.from_state) && r.to === t.to_state), JSON.stringify(t)).toBe(true);
      expect(t.from_state, `case ${t.case_id}`).toBe(last.get(t.case_id) ?? 'draft');
      last.set(t.case_id, t.to_state);
    }
    const states = rows(ready, 'select id, state from cases') as Array<{ id: number; state: CaseState }>;
    for (const c of states) expect(c.state, `case ${c.id}`).toBe(last.get(c.id) ?? 'draft');

    // The run reached every kind of outcome (fixed by the seed), so the checks above were exercised.
    expect(tally.calls).toBeGreaterThan(1500);
    for (const key of ['separation', 'approved', 'rejected', 'returned', 'withdrawn'] as const) expect(tally[key], key).toBeGreaterThan(10);
    // 不予受理 ends a draft at once, so it is only drawn uniformly: rarer, but reached.
    expect(tally.not_accepted, 'not_accepted').toBeGreaterThan(0);
    expect(tally.refused).toBeGreaterThan(tally.calls / 4);
  }, 240_000);
});
