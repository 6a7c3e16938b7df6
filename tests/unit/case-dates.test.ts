import { describe, expect, it } from 'vitest';
import { formDateProblems } from '../../shared/domain/case-dates';
import { CASE_TYPES } from '../../shared/domain/case-types';

describe('case date rules', () => {
  it('every date field of every case type says which kind of date it is, and names an existing earlier field', () => {
    for (const type of Object.values(CASE_TYPES)) {
      for (const field of type.fields.filter((f) => f.kind === 'date')) {
        expect(field.dateRule, `${type.label}·${field.label}`).toBeDefined();
        const earlier = field.dateRule?.notBefore;
        if (earlier) expect(type.fields.find((f) => f.code === earlier)?.kind, `${type.label}·${field.label}`).toBe('date');
      }
    }
  });

  it('counts working age from the 16th birthday, a 29 February one included, and past facts up to the acceptance day', () => {
    const fields = CASE_TYPES.unemployment_registration.fields;
    const context = { caseDay: '2026-11-27', accepted: true, birthDate: '2008-02-29' };
    expect(formDateProblems(fields, { unemployedSince: '2024-02-28' }, context)).toEqual(['失业日期（2024-02-28）早于本人年满16周岁之日（2024-02-29），不在劳动年龄内']);
    expect(formDateProblems(fields, { unemployedSince: '2024-02-29' }, context)).toEqual([]);
    expect(formDateProblems(fields, { unemployedSince: '2026-11-28' }, context)).toEqual(['失业日期（2026-11-28）不能晚于受理日（2026-11-27）']);
  });

  it('leaves an enterprise applicant to the day rules alone, and malformed dates to the format check', () => {
    const fields = CASE_TYPES.subsidy_application.fields;
    const context = { caseDay: '2026-11-27', accepted: false, birthDate: null };
    expect(formDateProblems(fields, { periodFrom: '1990-01-01', periodTo: '2026-02-30' }, context)).toEqual([]);
    expect(formDateProblems(fields, { periodFrom: '2026-10-01', periodTo: '2037-01-01' }, context)).toEqual(['补贴期间止（2037-01-01）比今天（2026-11-27）晚10年以上，请核对']);
  });
});
