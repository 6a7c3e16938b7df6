import { getTableName } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { PERSON_DERIVED_COLUMNS, PERSON_LINKED_COLUMNS } from '../../db/services/person-links';
import type { PersonView, TimelineSection } from '../../shared/contract';
import { activeUser, lastAuditId, storedAudit, type Call } from './accounts-helpers';
import { expectError, expectOk, readyDesk, type ReadyDesk } from './helpers';
import { ZHANG_SAN, idNumber, keyGroupRows, namesFound, register, rows, search, searchKeys, update } from './registry-helpers';

interface Pair {
  ready: ReadyDesk;
  keep: PersonView;
  dup: PersonView;
  /** Calls of 赵磊, a reviewer (审核员), who may merge. */
  reviewer: Call;
}

/**
 * 张三 on file twice: the second time under a mistyped ID number, another
 * phone and a rural household. The duplicate has a correction and a
 * qualification of its own.
 */
function duplicatePair(): Pair {
  const ready = readyDesk();
  const keep = register(ready, ZHANG_SAN);
  const dupId = idNumber('320506', '1990-05-12', '031');
  const first = register(ready, { idNumber: dupId, name: '张三', phone: '13700002222', householdType: 'rural' });
  const dup = update(ready, first.id, 1, { address: '长桥街道龙桥路8号' }, '补充地址');
  ready.desk
    .database()
    .sqlite.prepare(
      `insert into person_qualifications (person_id, name, level, certificate_number, issued_on, created_at, updated_at)
       values (?, '电工', '四级/中级工', 'S000032050612345', '2024-06-01', '2026-11-27T02:00:00.000Z', '2026-11-27T02:00:00.000Z')`,
    )
    .run(dup.id);
  const reviewer = activeUser(ready, 'zhaolei', ['reviewer']).call;
  return { ready, keep, dup, reviewer };
}

const REASON = '身份证号录错，重复登记';

describe('merging a duplicate record', () => {
  it('moves the corrections and qualifications to the kept record and keeps the merged one, marked', () => {
    const { ready, keep, dup, reviewer } = duplicatePair();
    const kept = expectOk<PersonView>(reviewer('persons.merge', { keepId: keep.id, mergeId: dup.id, reason: REASON }));
    expect(kept).toMatchObject({ id: keep.id, version: 2, mergedIntoId: null, name: '张三' });

    expect(rows(ready, 'select person_id, field, new_value, reason from person_corrections order by id')).toEqual([
      { person_id: keep.id, field: 'address', new_value: '长桥街道龙桥路8号', reason: '补充地址' },
      { person_id: keep.id, field: 'mergedFrom', new_value: String(dup.id), reason: REASON },
    ]);
    expect(rows(ready, 'select person_id, name from person_qualifications')).toEqual([{ person_id: keep.id, name: '电工' }]);
    expect(rows(ready, 'select id, merged_into_id, version from persons order by id')).toEqual([
      { id: keep.id, merged_into_id: null, version: 2 },
      { id: dup.id, merged_into_id: keep.id, version: 3 },
    ]);
    expect(expectOk<PersonView>(ready.call('persons.get', { id: dup.id })).mergedIntoId).toBe(keep.id);
  });

  it('takes the merged record out of search and out of the derived tables', () => {
    const { ready, keep, dup, reviewer } = duplicatePair();
    const dupIdNumber = idNumber('320506', '1990-05-12', '031');
    expect(keyGroupRows(ready, dup.id).map((g) => g.code)).toEqual(['rural_labour']);
    expectOk(reviewer('persons.merge', { keepId: keep.id, mergeId: dup.id, reason: REASON }));

    expect(keyGroupRows(ready, dup.id)).toEqual([]);
    expect(searchKeys(ready, dup.id)).toEqual([]);
    expect(searchKeys(ready, keep.id)).toEqual(['zhangsan', 'zs', '三']);
    for (const query of ['张三', 'zs', 'zhangsan', '']) {
      expect(search(ready, query).items.map((p) => p.id), query).toEqual([keep.id]);
    }
    expect(search(ready, dupIdNumber).total).toBe(0);
    expect(search(ready, dupIdNumber.slice(10)).total).toBe(0);
    expect(search(ready, '13700002222').total).toBe(0);
    expect(search(ready, '2222').total).toBe(0);
    expect(namesFound(ready, '', { filters: { keyGroup: 'rural_labour' } })).toEqual([]);
  });

  // refreshDerived gives a merged record no key groups; its profile should agree with the stored tags.
  it('shows no key groups on the profile of the merged record', () => {
    const { ready, keep, dup, reviewer } = duplicatePair();
    expectOk(reviewer('persons.merge', { keepId: keep.id, mergeId: dup.id, reason: REASON }));
    expect(keyGroupRows(ready, dup.id)).toEqual([]);
    expect(expectOk<PersonView>(ready.call('persons.get', { id: dup.id })).keyGroups).toEqual([]);
  });

  it('audits the merge on both records, under the reviewer', () => {
    const { ready, keep, dup, reviewer } = duplicatePair();
    const before = lastAuditId(ready);
    expectOk(reviewer('persons.merge', { keepId: keep.id, mergeId: dup.id, reason: REASON }));
    const audit = storedAudit(ready, before).map(({ action, actorName, entityType, entityId, detail }) => ({ action, actorName, entityType, entityId, detail }));
    expect(audit).toEqual([
      {
        action: 'persons.merge',
        actorName: '赵磊',
        entityType: 'person',
        entityId: String(keep.id),
        detail: { mergedId: dup.id, moved: { person_corrections: 1, person_qualifications: 1, cases: 0, fair_attendances: 0, person_contacts: 0, guidance_sessions: 0, guidance_referrals: 0, guidance_follow_ups: 0, guidance_event_attendances: 0, satisfaction_ratings: 0, training_enrolments: 0, training_claim_trainees: 0, welfare_placements: 0, gig_workers: 0, business_starts: 0, person_insurance: 0, person_assistance: 0, person_deaths: 0, person_businesses: 0, person_disabilities: 0 }, reason: REASON },
      },
      { action: 'persons.merge', actorName: '赵磊', entityType: 'person', entityId: String(dup.id), detail: { mergedInto: keep.id } },
    ]);
  });

  it('shows the merge and the moved corrections in the kept record’s service record', () => {
    const { ready, keep, dup, reviewer } = duplicatePair();
    ready.clock.advanceMinutes(5);
    expectOk(reviewer('persons.merge', { keepId: keep.id, mergeId: dup.id, reason: REASON }));
    const registry = expectOk<TimelineSection[]>(ready.call('persons.timeline', { id: keep.id }))[0]!;
    expect(registry.events[0]).toEqual({ at: '2026-11-27T02:05:00.000Z', title: `并入重复档案（编号 ${dup.id}）`, detail: REASON, actor: '赵磊' });
    // Creation and the moved correction happened in the same minute; their order between them is not asserted.
    expect(registry.events.slice(1).map((e) => [e.at, e.title, e.detail, e.actor]).sort()).toEqual([
      ['2026-11-27T02:00:00.000Z', '建立档案', null, '王芳'],
      ['2026-11-27T02:00:00.000Z', '更正详细地址', '补充地址', '王芳'],
    ]);
  });

  it('refuses to merge a record into itself or to merge twice, with clear errors and nothing written', () => {
    const { ready, keep, dup, reviewer } = duplicatePair();
    const self = expectError(reviewer('persons.merge', { keepId: keep.id, mergeId: keep.id, reason: REASON }), 'BAD_INPUT');
    expect(self).toMatchObject({ message: '保留的档案和并入的档案不能是同一份', fields: { mergeId: '不能与保留的档案相同' } });
    expectOk(reviewer('persons.merge', { keepId: keep.id, mergeId: dup.id, reason: REASON }));
    const before = lastAuditId(ready);

    const again = expectError(reviewer('persons.merge', { keepId: keep.id, mergeId: dup.id, reason: REASON }), 'CONFLICT');
    expect(again.message).toBe(`并入的档案（编号 ${dup.id}）已经并入编号 ${keep.id} 的档案`);
    const third = register(ready, { idNumber: idNumber('320506', '1990-05-12', '051'), name: '张三' });
    const intoMerged = expectError(reviewer('persons.merge', { keepId: dup.id, mergeId: third.id, reason: REASON }), 'CONFLICT');
    expect(intoMerged.message).toBe(`保留的档案（编号 ${dup.id}）已经并入编号 ${keep.id} 的档案`);
    expectError(reviewer('persons.merge', { keepId: keep.id, mergeId: 999, reason: REASON }), 'NOT_FOUND');
    // A merged record is corrected on the kept one, never itself.
    expectError(ready.call('persons.update', { id: dup.id, version: 3, changes: { address: '木渎镇' }, reason: '补充' }), 'CONFLICT');

    expect(storedAudit(ready, before).map((a) => a.action)).toEqual(['persons.register']);
    expect(rows(ready, 'select count(*) as n from person_corrections where field = ?', 'mergedFrom')).toEqual([{ n: 1 }]);
  });

  it('is refused to front-desk staff: FORBIDDEN, and nothing is written', () => {
    const { ready, keep, dup } = duplicatePair();
    const frontDesk = activeUser(ready, 'qianqi', ['front_desk'], '钱七').call;
    const before = lastAuditId(ready);
    expectError(frontDesk('persons.merge', { keepId: keep.id, mergeId: dup.id, reason: REASON }), 'FORBIDDEN');
    // The administrator, also front desk here, may not either.
    expectError(ready.call('persons.merge', { keepId: keep.id, mergeId: dup.id, reason: REASON }), 'FORBIDDEN');
    expect(lastAuditId(ready)).toBe(before);
    expect(rows(ready, 'select count(*) as n from persons where merged_into_id is not null')).toEqual([{ n: 0 }]);
  });
});

describe('schema guard for merging', () => {
  it('knows every column that points at persons, so a merge cannot forget a linked table', () => {
    const ready = readyDesk();
    const { sqlite } = ready.desk.database();
    const tables = sqlite.prepare("select name from sqlite_master where type = 'table' order by name").all() as Array<{ name: string }>;
    const pointing = tables.flatMap(({ name }) =>
      (sqlite.pragma(`foreign_key_list("${name}")`) as Array<{ table: string; from: string; to: string }>)
        .filter((fk) => fk.table === 'persons')
        .map((fk) => `${name}.${fk.from}`),
    );
    const known = [...PERSON_LINKED_COLUMNS, ...PERSON_DERIVED_COLUMNS].map((column) => `${getTableName(column.table)}.${column.name}`);

    // The guard sees the tables there are today …
    expect(pointing.sort()).toEqual([
      'business_starts.person_id',
      'cases.person_id',
      'fair_attendances.person_id',
      'gig_workers.person_id',
      'guidance_event_attendances.person_id',
      'guidance_follow_ups.person_id',
      'guidance_referrals.person_id',
      'guidance_sessions.person_id',
      'person_assistance.person_id',
      'person_businesses.person_id',
      'person_contacts.person_id',
      'person_corrections.person_id',
      'person_deaths.person_id',
      'person_disabilities.person_id',
      'person_insurance.person_id',
      'person_key_group_schedule.person_id',
      'person_key_groups.person_id',
      'person_qualifications.person_id',
      'person_search_keys.person_id',
      'satisfaction_ratings.person_id',
      'training_claim_trainees.person_id',
      'training_enrolments.person_id',
      'welfare_placements.person_id',
    ]);
    // … each is moved or recomputed by a merge …
    for (const column of pointing) expect(known, `${column} points at persons but merge does not handle it`).toContain(column);
    // … and the lists name nothing that is not a link to persons, once each.
    expect([...known].sort()).toEqual(pointing);
  });
});
