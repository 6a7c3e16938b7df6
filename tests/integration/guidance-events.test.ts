import { describe, expect, it } from 'vitest';
import type { GuidanceEventAttendanceView, GuidanceEventView, TimelineSection } from '../../shared/contract';
import { colleagues, registerPerson } from './cases-helpers';
import { expectError, expectOk, readyDesk, type ReadyDesk } from './helpers';
import { LI_XIUYING, rows, ZHANG_SAN } from './registry-helpers';

type Signed = { attendance: GuidanceEventAttendanceView; personRegistered: boolean };

// The desk's clock starts on Friday 2026-11-27.
const LECTURE = { kind: 'lecture', title: '求职技巧讲座：简历与面试', eventDate: '2026-11-27', startTime: '09:30', endTime: '11:00', place: '人力资源市场三楼报告厅', capacity: 40 };

/** What a refused call must leave untouched. */
function writes(ready: ReadyDesk): string {
  return ['guidance_events', 'guidance_event_attendances', 'persons', 'audit_log', 'exchange_changes'].map((t) => `${t}:${rows(ready, `select count(*) as n from ${t}`)[0]!.n}`).join(' ');
}

describe('团体指导: a counselor plans a lecture and the door signs people in by ID card', () => {
  it('signs in a known person at the door, refuses the same card twice, and the lecture is on her timeline and goes to the province', () => {
    const ready = readyDesk();
    const { sunli, liuyang } = colleagues(ready, ['sunli', 'liuyang']);
    const personId = registerPerson(ready, ZHANG_SAN);
    const event = expectOk<GuidanceEventView>(sunli.call('guidance.createEvent', LECTURE));
    expect(event).toMatchObject({ kindLabel: '讲座', counselorName: '孙丽', attended: 0, capacity: 40 });

    // The front desk takes attendance: the reader types the number and Enter.
    const signed = expectOk<Signed>(liuyang.call('guidance.eventCheckIn', { eventId: event.id, idNumber: ZHANG_SAN.idNumber }));
    expect(signed).toMatchObject({ personRegistered: false, attendance: { personId, personName: '张三', lateEntry: false } });
    // Masked on screen: the birth date in the middle never shows.
    expect(signed.attendance.idNumberMasked).toBe(`${ZHANG_SAN.idNumber.slice(0, 4)}**********${ZHANG_SAN.idNumber.slice(14)}`);

    const before = writes(ready);
    const twice = expectError(liuyang.call('guidance.eventCheckIn', { eventId: event.id, idNumber: ZHANG_SAN.idNumber }), 'DUPLICATE');
    expect(twice.message).toMatch(/^张三已签到（2026-11-27 \d\d:\d\d(:\d\d)?），无需重复签到$/);
    expect(writes(ready)).toBe(before);

    const read = expectOk<{ event: GuidanceEventView; attendances: GuidanceEventAttendanceView[] }>(ready.call('guidance.event', { id: event.id }));
    expect(read.event.attended).toBe(1);
    expect(read.attendances.map((a) => a.personName)).toEqual(['张三']);

    const timeline = expectOk<TimelineSection[]>(ready.call('persons.timeline', { id: personId }));
    expect(timeline.find((s) => s.kind === 'counseling')!.events.map((e) => [e.title, e.detail, e.actor])).toEqual([
      ['参加团体指导：讲座“求职技巧讲座：简历与面试”（2026-11-27）', '人力资源市场三楼报告厅', '孙丽'],
    ]);
    const captured = rows(ready, "select count(*) as n from exchange_changes where entity = 'guidance_events'")[0]!.n;
    expect(captured).toBe(2);
  });

  it('asks for name and phone of an unknown card; the front desk registers the person there, a counselor cannot', () => {
    const ready = readyDesk();
    const { sunli, liuyang } = colleagues(ready, ['sunli', 'liuyang']);
    const event = expectOk<GuidanceEventView>(sunli.call('guidance.createEvent', LECTURE));
    const before = writes(ready);
    const unknown = expectError(liuyang.call('guidance.eventCheckIn', { eventId: event.id, idNumber: LI_XIUYING.idNumber }), 'NOT_FOUND');
    expect(unknown.message).toBe('该身份证号尚未登记，请填写姓名和手机号码后登记签到');
    expect(unknown.fields).toEqual({ name: '请填写姓名' });
    expect(expectError(sunli.call('guidance.eventCheckIn', { eventId: event.id, idNumber: LI_XIUYING.idNumber, name: LI_XIUYING.name }), 'FORBIDDEN').message).toContain('请由前台登记后再签到');
    expect(expectError(liuyang.call('guidance.eventCheckIn', { eventId: event.id, idNumber: '320102199003071238' }), 'BAD_INPUT').fields).toHaveProperty('idNumber');
    expect(writes(ready)).toBe(before);

    const signed = expectOk<Signed>(liuyang.call('guidance.eventCheckIn', { eventId: event.id, idNumber: LI_XIUYING.idNumber, name: LI_XIUYING.name, phone: LI_XIUYING.phone }));
    expect(signed).toMatchObject({ personRegistered: true, attendance: { personName: '李秀英', registeredAtDoor: true, phoneMasked: '151****9876' } });
  });

  it('refuses an event without a title or with an end before its start, and counts seats', () => {
    const ready = readyDesk();
    const { sunli, liuyang } = colleagues(ready, ['sunli', 'liuyang']);
    const before = writes(ready);
    expect(expectError(sunli.call('guidance.createEvent', { ...LECTURE, title: '  ' }), 'BAD_INPUT').message).toBe('活动名称：必填');
    const times = expectError(sunli.call('guidance.createEvent', { ...LECTURE, startTime: '14:00', endTime: '13:30', capacity: 0 }), 'BAD_INPUT');
    expect(times.message).toBe('结束时间：结束时间应晚于开始时间；名额：名额应为1–1000的整数');
    expect(expectError(sunli.call('guidance.createEvent', { ...LECTURE, startTime: '9点' }), 'BAD_INPUT').fields).toEqual({ startTime: '开始时间应为“时:分”，如 09:30' });
    // The front desk takes attendance but does not plan events.
    expect(expectError(liuyang.call('guidance.createEvent', LECTURE), 'FORBIDDEN').code).toBe('FORBIDDEN');
    expect(writes(ready)).toBe(before);

    const small = expectOk<GuidanceEventView>(sunli.call('guidance.createEvent', { ...LECTURE, kind: 'job_experience', title: '走进电子厂：职业体验', capacity: 1 }));
    registerPerson(ready, ZHANG_SAN);
    registerPerson(ready, LI_XIUYING);
    expectOk(liuyang.call('guidance.eventCheckIn', { eventId: small.id, idNumber: ZHANG_SAN.idNumber }));
    expect(expectError(liuyang.call('guidance.eventCheckIn', { eventId: small.id, idNumber: LI_XIUYING.idNumber }), 'CONFLICT').message).toBe('活动名额已满（1人），不能再签到');
  });

  it('follows the fair’s rule after the day: refused, or recorded as 补录 within the administrator’s days', () => {
    const ready = readyDesk();
    const { sunli, liuyang } = colleagues(ready, ['sunli', 'liuyang']);
    registerPerson(ready, ZHANG_SAN);
    const ahead = expectOk<GuidanceEventView>(sunli.call('guidance.createEvent', { ...LECTURE, eventDate: '2026-12-03' }));
    expect(expectError(liuyang.call('guidance.eventCheckIn', { eventId: ahead.id, idNumber: ZHANG_SAN.idNumber }), 'CONFLICT').message).toBe('活动定于2026-12-03举行，尚未开始，不能签到');
    const past = expectOk<GuidanceEventView>(sunli.call('guidance.createEvent', { ...LECTURE, kind: 'workshop', title: '创业工作坊', eventDate: '2026-11-25' }));
    const before = writes(ready);
    expect(expectError(liuyang.call('guidance.eventCheckIn', { eventId: past.id, idNumber: ZHANG_SAN.idNumber }), 'CONFLICT').message).toBe(
      '活动“创业工作坊”已于2026-11-25举行，不能再签到；如确需补录，请系统管理员在“系统设置”中设置“招聘会结束后可补登记入场的天数”（团体指导活动同样适用）',
    );
    expect(writes(ready)).toBe(before);
    expectOk(ready.call('settings.update', { idleLockMinutes: 10, fairCheckInGraceDays: 1 }));
    expect(expectError(liuyang.call('guidance.eventCheckIn', { eventId: past.id, idNumber: ZHANG_SAN.idNumber }), 'CONFLICT').message).toContain('补录截至2026-11-26');
    expectOk(ready.call('settings.update', { idleLockMinutes: 10, fairCheckInGraceDays: 3 }));
    const late = expectOk<Signed>(liuyang.call('guidance.eventCheckIn', { eventId: past.id, idNumber: ZHANG_SAN.idNumber }));
    expect(late.attendance.lateEntry).toBe(true);
    // On the timeline it stands on the event's day, marked 补录.
    const personId = late.attendance.personId;
    const event = expectOk<TimelineSection[]>(ready.call('persons.timeline', { id: personId })).find((s) => s.kind === 'counseling')!.events[0]!;
    expect([event.at, event.detail]).toEqual(['2026-11-25', '人力资源市场三楼报告厅 · 补录']);
  });
});
