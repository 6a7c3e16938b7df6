import { describe, expect, it } from 'vitest';
import { actOk, advanceDays, createCase, getCase, listCases, registerPerson, setCalendar } from './cases-helpers';
import { PASSWORD, expectOk, readyDesk } from './helpers';
import { LI_XIUYING, ZHANG_LI, ZHANG_SAN } from './registry-helpers';

// The desk's clock starts on Friday 2026-11-27, 10:00 Beijing time.

describe('办理时限 in working days', () => {
  it('counts three working days from the day after acceptance, reading the calendar as it stands at acceptance', () => {
    const ready = readyDesk();
    const plain = createCase(ready.call, registerPerson(ready, ZHANG_SAN));
    const afterHoliday = createCase(ready.call, registerPerson(ready, ZHANG_LI));
    const withSaturday = createCase(ready.call, registerPerson(ready, LI_XIUYING));

    // Mon 11-30, Tue 12-01, Wed 12-02.
    expect(actOk(ready.call, plain, 'accept').dueDate).toBe('2026-12-02');
    // Monday off: Tue, Wed, Thu.
    setCalendar(ready, [{ date: '2026-11-30', kind: 'holiday' }]);
    expect(actOk(ready.call, afterHoliday, 'accept').dueDate).toBe('2026-12-03');
    // Saturday worked in exchange (调休): Sat 11-28, Tue, Wed.
    setCalendar(ready, [{ date: '2026-11-28', kind: 'workday', note: '调休上班' }]);
    expect(actOk(ready.call, withSaturday, 'accept').dueDate).toBe('2026-12-02');

    // A due date once given does not move with later calendar entries.
    expect(getCase(ready.call, plain.id).dueDate).toBe('2026-12-02');
    expect(getCase(ready.call, afterHoliday.id).dueDate).toBe('2026-12-03');
  });
});

describe('退回补正 stops the clock', () => {
  it('moves the due date by the working days the case spent with the applicant; no overdue flag while returned', () => {
    const ready = readyDesk();
    const draft = createCase(ready.call, registerPerson(ready));
    advanceDays(ready, 3); // D = Monday 11-30
    const accepted = actOk(ready.call, draft, 'accept');
    expect(accepted).toMatchObject({ acceptedOn: '2026-11-30', dueDate: '2026-12-03' });

    advanceDays(ready, 1); // D+1, Tuesday 12-01: the day of return still counts
    const returned = actOk(ready.call, accepted, 'return', '告知承诺书未签字');
    expect(returned).toMatchObject({ state: 'returned', dueDate: '2026-12-03', overdue: false });
    expect(returned.availableActions.map((a) => a.action)).toEqual(['resubmit', 'withdraw']);

    advanceDays(ready, 7); // five working days later: Tuesday 12-08, past the old due date
    expect(getCase(ready.call, returned.id)).toMatchObject({ state: 'returned', dueDate: '2026-12-03', overdue: false });
    expect(listCases(ready.call, 'open').items.map((i) => [i.id, i.state, i.overdue])).toEqual([[returned.id, 'returned', false]]);

    const resubmitted = actOk(ready.call, returned, 'resubmit');
    // Paused: Wed 12-02 … Tue 12-08, five working days; 12-03 + 5 working days = 12-10.
    expect(resubmitted).toMatchObject({ state: 'accepted', acceptedOn: '2026-11-30', dueDate: '2026-12-10', overdue: false, acceptedByName: '王芳' });
    expect(resubmitted.transitions.map((t) => [t.action, t.toState, t.at.slice(0, 10)])).toEqual([
      ['accept', 'accepted', '2026-11-30'],
      ['return', 'returned', '2026-12-01'],
      ['resubmit', 'accepted', '2026-12-08'],
    ]);

    advanceDays(ready, 2); // Thursday 12-10: due today, not yet overdue
    expect(getCase(ready.call, draft.id).overdue).toBe(false);
    advanceDays(ready, 1);
    expect(getCase(ready.call, draft.id).overdue).toBe(true);
  });
});

// Product bug: resubmit derives pause dates from UTC timestamps (cases.ts line 171) while acceptedOn is the Beijing date.
describe('a case handled before 08:00 Beijing time (still the previous day in UTC)', () => {
  it('counts the day of return although it was returned at 07:30', () => {
    const ready = readyDesk();
    const accepted = actOk(ready.call, createCase(ready.call, registerPerson(ready)), 'accept');
    expect(accepted.dueDate).toBe('2026-12-02');
    // Monday 11-30, 07:30 Beijing time = 2026-11-29T23:30Z.
    ready.clock.advanceMinutes(3 * 24 * 60 - 150);
    expectOk(ready.call('auth.unlock', { password: PASSWORD }));
    const returned = actOk(ready.call, accepted, 'return', '缺原单位证明');
    expect(returned.transitions.at(-1)!.at).toBe('2026-11-29T23:30:00.000Z');
    // Thursday 12-03, 10:00.
    ready.clock.advanceMinutes(3 * 24 * 60 + 150);
    expectOk(ready.call('auth.unlock', { password: PASSWORD }));
    // Monday 11-30 counts (the office had the case that day); paused Tue–Thu; then Fri 12-04 and Mon 12-07.
    expect(actOk(ready.call, returned, 'resubmit').dueDate).toBe('2026-12-07');
  });

  it('can still be resubmitted after being accepted and returned on the same early morning', () => {
    const ready = readyDesk();
    const draft = createCase(ready.call, registerPerson(ready));
    // Monday 11-30, 07:40 Beijing time = 2026-11-29T23:40Z.
    ready.clock.advanceMinutes(3 * 24 * 60 - 140);
    expectOk(ready.call('auth.unlock', { password: PASSWORD }));
    const accepted = actOk(ready.call, draft, 'accept');
    expect(accepted).toMatchObject({ acceptedOn: '2026-11-30', dueDate: '2026-12-03' });
    ready.clock.advanceMinutes(5);
    const returned = actOk(ready.call, accepted, 'return', '身份证复印件不清晰');
    ready.clock.advanceMinutes(5);
    // Resubmitted on the same day: nothing was paused, the due date stands.
    expect(actOk(ready.call, returned, 'resubmit')).toMatchObject({ state: 'accepted', dueDate: '2026-12-03' });
  });
});
