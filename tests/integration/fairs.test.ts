import { describe, expect, it } from 'vitest';
import type { EnterpriseTimelineSection, FairAttendanceView, FairView, TimelineSection } from '../../shared/contract';
import { activeUser } from './accounts-helpers';
import { registerPerson } from './cases-helpers';
import { registerEnterprise } from './enterprise-helpers';
import { checkIn, createFair, FAIR, fairCounts, fairWithEnterprises, postVacancy } from './fairs-helpers';
import { expectError, expectOk, readyDesk, type ReadyDesk } from './helpers';
import { PERSON_A, PERSON_B } from './persons-data';

/** The fair of fairWithEnterprises, the first enterprise bringing a second vacancy (电工, 4) to booth C09. */
function withSecondVacancy(ready: ReadyDesk) {
  const { fair, a, va } = fairWithEnterprises(ready);
  const extra = postVacancy(ready, a.id, '电工', 4);
  const p = fair.enterprises.find((x) => x.enterpriseId === a.id)!;
  const after = expectOk<FairView>(ready.call('fairs.updateParticipation', { id: p.id, version: p.version, boothNumber: 'C09', vacancyIds: [va.id, extra.id] }));
  return { fair, a, va, extra, p, after };
}

describe('planning a fair', () => {
  it('stores the campaign, target group, channel, dates and place; a one-day fair has no end date', () => {
    const ready = readyDesk();
    const fair = createFair(ready, { endDate: '2026-11-27' });
    expect(fair).toMatchObject({ name: FAIR.name, campaign: 'assistance_month', targetGroup: 'difficulty', channel: 'on_site', startDate: '2026-11-27', endDate: null, status: 'planned', version: 1 });
    expect(fair.counts).toEqual({ enterprises: 0, vacancies: 0, positions: 0, checkIns: 0, intentions: 0, hires: 0 });
  });

  it('refuses an end date before the start, a missing name and an unknown campaign, naming the field in Chinese, and writes nothing', () => {
    const ready = readyDesk();
    const before = fairCounts(ready);
    const bad = expectError(ready.call('fairs.create', { ...FAIR, startDate: '2026-12-05', endDate: '2026-12-04' }), 'BAD_INPUT');
    expect(bad.message).toBe('结束日期：结束日期不能早于举办日期');
    expect(bad.fields).toEqual({ endDate: '结束日期不能早于举办日期' });
    expect(expectError(ready.call('fairs.create', { ...FAIR, name: ' ' }), 'BAD_INPUT').message).toBe('招聘会名称：必填');
    expect(expectError(ready.call('fairs.create', { ...FAIR, campaign: 'carnival' }), 'BAD_INPUT').message).toBe('活动类型：请从列表中选择活动类型');
    expect(expectError(ready.call('fairs.create', { ...FAIR, startDate: '2026-02-30' }), 'BAD_INPUT').message).toBe('举办日期：日期不存在');
    expect(fairCounts(ready)).toEqual(before);
  });

  it('refuses a stale edit with a conflict and keeps the other user’s change', () => {
    const ready = readyDesk();
    const fair = createFair(ready);
    expectOk(ready.call('fairs.update', { ...FAIR, id: fair.id, version: 1, venue: '木渎镇文体中心' }));
    const stale = expectError(ready.call('fairs.update', { ...FAIR, id: fair.id, version: 1, venue: '越溪街道' }), 'CONFLICT');
    expect(stale.message).toContain('已被他人修改');
    expect(expectOk<FairView>(ready.call('fairs.get', { id: fair.id }))).toMatchObject({ venue: '木渎镇文体中心', version: 2 });
    expectError(ready.call('fairs.setStatus', { id: fair.id, version: 1, status: 'cancelled', reason: '场地调整' }), 'CONFLICT');
  });

  it('is cancelled with a reason, never deleted; a cancelled fair takes no enterprises or check-ins and stays listed', () => {
    const ready = readyDesk();
    const fair = createFair(ready);
    expect(expectError(ready.call('fairs.setStatus', { id: fair.id, version: 1, status: 'cancelled' }), 'BAD_INPUT').message).toBe('取消原因：取消招聘会须填写原因');
    const cancelled = expectOk<FairView>(ready.call('fairs.setStatus', { id: fair.id, version: 1, status: 'cancelled', reason: '场地临时调整' }));
    expect(cancelled).toMatchObject({ status: 'cancelled', cancelReason: '场地临时调整' });
    const e = registerEnterprise(ready);
    registerPerson(ready, PERSON_A);
    expect(expectError(ready.call('fairs.addEnterprise', { fairId: fair.id, enterpriseId: e.id }), 'CONFLICT').message).toContain('已取消');
    expect(expectError(ready.call('fairs.checkIn', { fairId: fair.id, idNumber: PERSON_A.idNumber }), 'CONFLICT').message).toContain('已取消，不能入场登记');
    expectError(ready.call('fairs.setStatus', { id: fair.id, version: 2, status: 'held' }), 'CONFLICT');
    const listed = expectOk<{ items: { id: number; status: string }[] }>(ready.call('fairs.list', { status: 'cancelled' }));
    expect(listed.items.map((f) => f.id)).toEqual([fair.id]);
  });

  it('is marked held only from its first day; the list filters by status and date', () => {
    const ready = readyDesk();
    const later = createFair(ready, { name: '2027年春风行动招聘会', campaign: 'spring_breeze', startDate: '2027-02-20' });
    const today = createFair(ready);
    expect(expectError(ready.call('fairs.setStatus', { id: later.id, version: 1, status: 'held' }), 'CONFLICT').message).toContain('尚未到举办日期');
    expectOk(ready.call('fairs.setStatus', { id: today.id, version: 1, status: 'held' }));
    const list = (input: Record<string, unknown>) => expectOk<{ items: { name: string }[]; total: number }>(ready.call('fairs.list', input)).items.map((f) => f.name);
    expect(list({})).toEqual(['2027年春风行动招聘会', FAIR.name]);
    expect(list({ status: 'held' })).toEqual([FAIR.name]);
    expect(list({ from: '2027-01-01', to: '2027-12-31' })).toEqual(['2027年春风行动招聘会']);
    expect(list({ query: '春风' })).toEqual(['2027年春风行动招聘会']);
    expect(expectError(ready.call('fairs.list', { from: '2027-01-01', to: '2026-01-01' }), 'BAD_INPUT').message).toBe('截止日期：截止日期不能早于开始日期');
  });
});

describe('participating enterprises', () => {
  it('brings its own vacancies to its booth; the fair counts enterprises, vacancies and openings', () => {
    const ready = readyDesk();
    const { fair, a } = fairWithEnterprises(ready);
    expect(fair.counts).toMatchObject({ enterprises: 2, vacancies: 2, positions: 5 });
    expect(fair.enterprises.map((p) => [p.boothNumber, p.enterpriseName, p.vacancies.map((v) => v.title)])).toEqual([
      ['A01', a.name, ['数控车工']],
      ['A02', '苏州吴中恒鑫电子科技有限公司', ['电子装配工']],
    ]);
  });

  it('refuses a closed (注销) enterprise, a vacancy of another enterprise, a taken booth and a second entry, writing nothing', () => {
    const ready = readyDesk();
    const { fair, a, b, vb } = fairWithEnterprises(ready);
    const closed = registerEnterprise(ready, { creditCode: '92320106MA1N2P3Q0A', name: '吴中区东山华瑞商贸经营部' });
    expectOk(ready.call('enterprises.update', { id: closed.id, version: closed.version, changes: { status: 'closed' }, reason: '已注销' }));
    const other = registerEnterprise(ready, { creditCode: '914403001922038216', name: '深圳某某科技有限公司' });
    const before = fairCounts(ready);
    const refused = expectError(ready.call('fairs.addEnterprise', { fairId: fair.id, enterpriseId: closed.id }), 'CONFLICT');
    expect(refused.message).toBe('吴中区东山华瑞商贸经营部已注销或迁出，不能参加招聘会');
    const foreign = expectError(ready.call('fairs.addEnterprise', { fairId: fair.id, enterpriseId: other.id, boothNumber: 'B01', vacancyIds: [vb.id] }), 'BAD_INPUT');
    expect(foreign.message).toBe('参会岗位：岗位“电子装配工”不是该企业的岗位');
    expect(foreign.fields).toEqual({ 'vacancyIds.0': '岗位“电子装配工”不是该企业的岗位' });
    expect(expectError(ready.call('fairs.addEnterprise', { fairId: fair.id, enterpriseId: other.id, boothNumber: 'A01' }), 'BAD_INPUT').message).toBe(`展位号：展位 A01 已分配给${a.name}`);
    expect(expectError(ready.call('fairs.addEnterprise', { fairId: fair.id, enterpriseId: b.id }), 'DUPLICATE').message).toContain('已在本场招聘会（展位 A02）');
    expect(fairCounts(ready)).toEqual(before);
  });

  it('changes booth and vacancies with optimistic locking', () => {
    const ready = readyDesk();
    const { after, p } = withSecondVacancy(ready);
    expect(after.counts).toMatchObject({ vacancies: 3, positions: 9 });
    expect(after.enterprises.find((x) => x.id === p.id)).toMatchObject({ boothNumber: 'C09', vacancies: [{ title: '数控车工' }, { title: '电工' }] });
    expect(expectError(ready.call('fairs.updateParticipation', { id: p.id, version: p.version, boothNumber: 'C10', vacancyIds: [] }), 'CONFLICT').message).toContain('已被他人修改');
  });
});

describe('check-in at the door (入场登记)', () => {
  it('checks a known person in once; a second check-in says 已入场 with the time, and writes nothing', () => {
    const ready = readyDesk();
    const fair = createFair(ready);
    registerPerson(ready, PERSON_A);
    const first = checkIn(ready, fair.id, PERSON_A.idNumber.toLowerCase());
    expect(first).toMatchObject({ personName: PERSON_A.name, idNumberMasked: '3205**********004X', phoneMasked: '139****5678', registeredAtDoor: false });
    ready.clock.advanceMinutes(10);
    const before = fairCounts(ready);
    const again = expectError(ready.call('fairs.checkIn', { fairId: fair.id, idNumber: PERSON_A.idNumber }), 'DUPLICATE');
    expect(again.message).toBe('李秀英已入场（2026-11-27 10:00），无需重复登记');
    expect(fairCounts(ready)).toEqual(before);
  });

  it('asks for a name for an unknown valid number, then registers the person through the registry and checks them in', () => {
    const ready = readyDesk();
    const fair = createFair(ready);
    const before = fairCounts(ready);
    const unknown = expectError(ready.call('fairs.checkIn', { fairId: fair.id, idNumber: PERSON_B.idNumber }), 'NOT_FOUND');
    expect(unknown.message).toBe('该身份证号尚未登记，请填写姓名和手机号码后登记入场');
    expect(fairCounts(ready)).toEqual(before);
    const made = expectOk<{ attendance: FairAttendanceView; personRegistered: boolean }>(ready.call('fairs.checkIn', { fairId: fair.id, idNumber: PERSON_B.idNumber, name: PERSON_B.name, phone: PERSON_B.phone }));
    expect(made.personRegistered).toBe(true);
    expect(made.attendance).toMatchObject({ personName: '张丽', idNumberMasked: '3212**********0047', phoneMasked: '138****1111', registeredAtDoor: true });
    // The registry's own record, as persons.register makes it (sex and birth date from the number).
    expect(expectOk(ready.call('persons.get', { id: made.attendance.personId }))).toMatchObject({ name: '张丽', sex: 'female', birthDate: '1985-12-31' });
    expect(fairCounts(ready)).toMatchObject({ persons: before.persons! + 1, fair_attendances: 1 });
  });

  it('refuses a number with a wrong check digit, and a bad phone of a new person, in Chinese, writing nothing', () => {
    const ready = readyDesk();
    const fair = createFair(ready);
    const before = fairCounts(ready);
    const bad = expectError(ready.call('fairs.checkIn', { fairId: fair.id, idNumber: '320102199003071238', name: '张伟', phone: '13912345678' }), 'BAD_INPUT');
    expect(bad.message).toBe('身份证号：校验位不正确，请核对是否录错');
    const phone = expectError(ready.call('fairs.checkIn', { fairId: fair.id, idNumber: '320102199003071239', name: '张伟', phone: '12345' }), 'BAD_INPUT');
    expect(phone.message).toBe('手机号码：手机号码应为11位，以1开头');
    expect(fairCounts(ready)).toEqual(before);
  });

  it('a counselor checks in known people but cannot create a record at the door', () => {
    const ready = readyDesk();
    const fair = createFair(ready);
    registerPerson(ready, PERSON_A);
    const counselor = activeUser(ready, 'zhidao', ['counselor']);
    expectOk(counselor.call('fairs.checkIn', { fairId: fair.id, idNumber: PERSON_A.idNumber }));
    const before = fairCounts(ready);
    expect(expectError(counselor.call('fairs.checkIn', { fairId: fair.id, idNumber: PERSON_B.idNumber, name: PERSON_B.name }), 'FORBIDDEN').message).toContain('没有新建人员档案的权限');
    expect(fairCounts(ready)).toEqual(before);
    const reviewer = activeUser(ready, 'shenhe', ['reviewer'], '沈丽娟');
    expectError(reviewer.call('fairs.checkIn', { fairId: fair.id, idNumber: PERSON_A.idNumber }), 'FORBIDDEN');
    expectOk(reviewer.call('fairs.get', { id: fair.id }));
  });

  it('keeps the fair’s first day on or before the first check-in', () => {
    const ready = readyDesk();
    const fair = createFair(ready);
    registerPerson(ready, PERSON_A);
    checkIn(ready, fair.id, PERSON_A.idNumber);
    const moved = expectError(ready.call('fairs.update', { ...FAIR, id: fair.id, version: 1, startDate: '2026-11-30' }), 'BAD_INPUT');
    expect(moved.message).toBe('举办日期：已有2026-11-27的入场登记，举办日期不能晚于该日');
    expectOk(ready.call('fairs.update', { ...FAIR, id: fair.id, version: 1, startDate: '2026-11-26', endDate: '2026-11-27' }));
  });

  it('refuses a check-in before the fair’s day', () => {
    const ready = readyDesk();
    const fair = createFair(ready, { startDate: '2026-12-10' });
    registerPerson(ready, PERSON_A);
    expect(expectError(ready.call('fairs.checkIn', { fairId: fair.id, idNumber: PERSON_A.idNumber }), 'CONFLICT').message).toBe('招聘会定于2026-12-10举办，尚未开始，不能入场登记');
  });

  it('refuses a check-in after the fair’s last day, writing nothing, unless the administrator allows days of 补登记', () => {
    const ready = readyDesk();
    // Today is 2026-11-27: the fair ran 11-23 to 11-25.
    const fair = createFair(ready, { startDate: '2026-11-23', endDate: '2026-11-25' });
    registerPerson(ready, PERSON_A);
    const before = fairCounts(ready);
    const late = expectError(ready.call('fairs.checkIn', { fairId: fair.id, idNumber: PERSON_A.idNumber }), 'CONFLICT');
    expect(late.message).toBe(`招聘会“${FAIR.name}”已于2026-11-25结束，不能再入场登记；如确需补登记，请系统管理员在“系统设置”中设置招聘会结束后可补登记的天数`);
    expect(fairCounts(ready)).toEqual(before);

    // One day of grace is not enough two days after; two are.
    expectOk(ready.call('settings.update', { idleLockMinutes: 10, fairCheckInGraceDays: 1 }));
    expect(expectError(ready.call('fairs.checkIn', { fairId: fair.id, idNumber: PERSON_A.idNumber }), 'CONFLICT').message).toContain('已于2026-11-25结束，补登记截至2026-11-26，不能再入场登记');
    expect(expectOk<{ fairCheckInGraceDays: number }>(ready.call('settings.update', { idleLockMinutes: 10, fairCheckInGraceDays: 2 })).fairCheckInGraceDays).toBe(2);
    expect(checkIn(ready, fair.id, PERSON_A.idNumber).personName).toBe(PERSON_A.name);
    expect(expectError(ready.call('settings.update', { idleLockMinutes: 10, fairCheckInGraceDays: 31 }), 'BAD_INPUT').message).toContain('最多30天');
  });
});

describe('intentions (达成意向) and their outcome', () => {
  it('keeps a vacancy someone has an intention for at the fair; the others can be removed', () => {
    const ready = readyDesk();
    const { fair, a, va, extra, after, p } = withSecondVacancy(ready);
    registerPerson(ready, PERSON_A);
    const attendance = checkIn(ready, fair.id, PERSON_A.idNumber);
    expectOk(ready.call('fairs.recordIntention', { attendanceId: attendance.id, enterpriseId: a.id, vacancyId: va.id }));
    const version = after.enterprises.find((x) => x.id === p.id)!.version;
    const refused = expectError(ready.call('fairs.updateParticipation', { id: p.id, version, boothNumber: 'C09', vacancyIds: [extra.id] }), 'BAD_INPUT');
    expect(refused.message).toBe('参会岗位：已有求职者对该岗位达成意向，不能从本场招聘会移除');
    const kept = expectOk<FairView>(ready.call('fairs.updateParticipation', { id: p.id, version, boothNumber: 'C09', vacancyIds: [va.id] }));
    expect(kept.enterprises.find((x) => x.id === p.id)!.vacancies.map((v) => v.title)).toEqual(['数控车工']);
  });

  it('links a checked-in person to a vacancy of an enterprise at the fair; outcomes count as hires; timelines show the fair', () => {
    const ready = readyDesk();
    const { fair, a, b, va, vb } = fairWithEnterprises(ready);
    const personId = registerPerson(ready, PERSON_A);
    const attendance = checkIn(ready, fair.id, PERSON_A.idNumber);
    const before = fairCounts(ready);
    expect(expectError(ready.call('fairs.recordIntention', { attendanceId: attendance.id, enterpriseId: a.id, vacancyId: vb.id }), 'BAD_INPUT').message).toBe('意向岗位：不是该企业在本场招聘会提供的岗位');
    const outsider = registerEnterprise(ready, { creditCode: '914403001922038216', name: '深圳某某科技有限公司' });
    expect(expectError(ready.call('fairs.recordIntention', { attendanceId: attendance.id, enterpriseId: outsider.id }), 'BAD_INPUT').message).toBe('意向企业：该企业未参加本场招聘会');
    expect(fairCounts(ready)).toMatchObject({ fair_intentions: before.fair_intentions });
    const withIntention = expectOk<FairAttendanceView>(ready.call('fairs.recordIntention', { attendanceId: attendance.id, enterpriseId: a.id, vacancyId: va.id }));
    expect(withIntention.intentions).toEqual([expect.objectContaining({ enterpriseName: a.name, vacancyTitle: '数控车工', outcome: 'intention', outcomeOn: null })]);
    expectError(ready.call('fairs.recordIntention', { attendanceId: attendance.id, enterpriseId: a.id, vacancyId: va.id }), 'DUPLICATE');
    expectOk(ready.call('fairs.recordIntention', { attendanceId: attendance.id, enterpriseId: b.id }));
    const intention = withIntention.intentions[0]!;
    const hired = expectOk<FairAttendanceView>(ready.call('fairs.setIntentionOutcome', { id: intention.id, version: intention.version, outcome: 'hired' }));
    expect(hired.intentions[0]).toMatchObject({ outcome: 'hired', outcomeOn: '2026-11-27', version: 2 });
    expect(expectError(ready.call('fairs.setIntentionOutcome', { id: intention.id, version: 1, outcome: 'not_hired' }), 'CONFLICT').message).toContain('已被他人修改');
    expect(expectError(ready.call('fairs.setIntentionOutcome', { id: intention.id, version: 2, outcome: 'not_hired', outcomeOn: '2026-11-01' }), 'BAD_INPUT').message).toBe('结果日期：结果日期不能早于招聘会举办日期');
    const view = expectOk<FairView>(ready.call('fairs.get', { id: fair.id }));
    expect(view.counts).toEqual({ enterprises: 2, vacancies: 2, positions: 5, checkIns: 1, intentions: 2, hires: 1 });
    expect(view.enterprises.map((p) => [p.intentions, p.hires])).toEqual([[1, 1], [1, 0]]);
    const personFairs = expectOk<TimelineSection[]>(ready.call('persons.timeline', { id: personId })).find((s) => s.kind === 'fairs')!;
    expect(personFairs.events).toEqual([expect.objectContaining({ title: `参加招聘会：${FAIR.name}`, detail: `${a.name}·数控车工（已录用）；苏州吴中恒鑫电子科技有限公司（意向）` })]);
    const enterpriseFairs = expectOk<EnterpriseTimelineSection[]>(ready.call('enterprises.timeline', { id: a.id })).find((s) => s.kind === 'fairs')!;
    expect(enterpriseFairs).toMatchObject({ pending: null, events: [{ title: `招聘会：${FAIR.name}`, detail: '展位 A01；岗位 1 个；达成意向 1 人；录用 1 人', link: `/fairs/${fair.id}` }] });
  });
});

describe('merging duplicate person records', () => {
  it('moves the duplicate’s check-ins to the kept record, except at a fair the kept record also attended', () => {
    const ready = readyDesk();
    const both = createFair(ready);
    const only = createFair(ready, { name: '2026年金秋招聘月专场', campaign: 'golden_autumn' });
    const keepId = registerPerson(ready, PERSON_A);
    const dupId = registerPerson(ready, PERSON_B);
    checkIn(ready, both.id, PERSON_A.idNumber);
    const dupAtBoth = checkIn(ready, both.id, PERSON_B.idNumber);
    const dupAtOnly = checkIn(ready, only.id, PERSON_B.idNumber);
    const reviewer = activeUser(ready, 'shenhe', ['reviewer'], '沈丽娟');
    expectOk(reviewer.call('persons.merge', { keepId, mergeId: dupId, reason: '重复登记' }));
    const owner = (id: number) => (ready.desk.database().sqlite.prepare('select person_id as p from fair_attendances where id = ?').get(id) as { p: number }).p;
    expect(owner(dupAtOnly.id)).toBe(keepId);
    expect(owner(dupAtBoth.id)).toBe(dupId);
    // Checking in by the merged record's number finds the kept record, already inside.
    expect(expectError(ready.call('fairs.checkIn', { fairId: only.id, idNumber: PERSON_B.idNumber }), 'DUPLICATE').message).toContain('李秀英已入场');
  });
});

describe('what the province receives and how it is found', () => {
  it('a fair and its enterprises are one record; each check-in with its intentions is another', () => {
    const ready = readyDesk();
    const { sqlite } = ready.desk.database();
    const changes = (entity: string) => (sqlite.prepare('select entity_id as id from exchange_changes where entity = ? order by seq').all(entity) as { id: number }[]).map((c) => c.id);
    const { fair, a, va } = fairWithEnterprises(ready);
    expect(new Set(changes('fairs'))).toEqual(new Set([fair.id]));
    registerPerson(ready, PERSON_A);
    const attendance = checkIn(ready, fair.id, PERSON_A.idNumber);
    expectOk(ready.call('fairs.recordIntention', { attendanceId: attendance.id, enterpriseId: a.id, vacancyId: va.id }));
    expect(changes('fair_attendances')).toEqual([attendance.id, attendance.id]);
  });

  it('the door’s duplicate check and the fair’s counts are answered by indexes, not table scans', () => {
    const ready = readyDesk();
    const { sqlite } = ready.desk.database();
    const plan = (query: string) => (sqlite.prepare(`explain query plan ${query}`).all() as { detail: string }[]).map((r) => r.detail).join('\n');
    expect(plan('select checked_in_at from fair_attendances where fair_id = 1 and person_id = 2')).toContain('USING INDEX fair_attendances_fair_person (fair_id=? AND person_id=?)');
    expect(plan('select count(*) from fair_attendances where fair_id = 1')).toMatch(/USING (COVERING )?INDEX fair_attendances_fair/);
    expect(plan("select count(*) from fair_intentions where fair_id = 1 and outcome = 'hired'")).toContain('fair_intentions_fair_outcome');
    expect(plan('select * from fair_attendances where fair_id = 1 order by checked_in_at desc, id desc limit 20')).toContain('fair_attendances_fair_time');
    expect(plan('select * from fairs where status = \'held\' order by start_date desc limit 20')).toContain('fairs_status_start_date');
  });
});
