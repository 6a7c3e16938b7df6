import { describe, expect, it } from 'vitest';
import type { TrainingRateList, TrainingRateRow, TrainingRatesReport, VacancyView } from '../../shared/contract';
import { actOk, colleagues, createCase, EMPLOYMENT_DOCS } from './cases-helpers';
import { registerEnterprise } from './enterprise-helpers';
import { expectError, expectOk, readyDesk, type ReadyDesk } from './helpers';
import { assess, enrol, enrolmentOf, programme, provider, PROVIDER_CODE_2, runClass, trainee, trainingClass } from './training-helpers';

/**
 * The fixture, with the expected figures worked out by hand (today is 2026-11-27;
 * the period is classes that ENDED in 2026; "within 6 months" is 180 days):
 *
 * 就业技能培训
 *   E1 叉车 (provider P1): class E1-A 2026-03-01..03-31 (window ends 03-31 + 180 days = 09-27)
 *                          class E1-B 2026-04-10..04-30 (window ends 10-27)
 *   E2 电工 (provider P2): class E2-A 2026-06-01..06-30 (window ends 12-27, still open today)
 *   A in E1-A and E1-B, 录用 by a referral on 10-20: too late for E1-A (no), inside E1-B (yes).
 *   B in E1-A, 就业登记 starting 09-28 = day 181: NOT counted (no).
 *   C in E1-A, contributions by an employer since 04-15 (yes).
 *   D in E1-A, present at half the hours: not completed, in no rate.
 *   E in E2-A, nothing yet: pending (window open), outside the rate.
 *   F in E2-A, 录用 on 07-15 (yes).
 *   ⇒ class E1-A: 1/3 (C) = 33.3%; E1-B: 1/1 = 100%; programme E1 and provider P1: A once (yes), B, C ⇒ 2/3 = 66.7%;
 *     E2-A, E2, P2: 1/1 with 1 pending; the whole period: A, C, F of A, B, C, F ⇒ 3/4 = 75%, 1 pending.
 * 创业培训 S1 (provider P1): class S1-A 2026-06-01..06-10
 *   G passed, certificate issued then revoked (no); H passed (yes); I failed (no); J completed, not yet assessed (pending).
 *   ⇒ 1/3 = 33.3%, 1 pending.
 * 岗位技能提升 U1 (provider P2): class U1-A 2026-01-05..01-20, employer X. Contribution files on 06-30, 08-31, 10-31.
 *   6-month checkpoint 07-20 ⇒ first file on or after it is 08-31: K still at X (yes), L at Y (no), M absent (no) ⇒ 1/3.
 *   12-month checkpoint 2027-01-20: no file yet ⇒ all 3 pending, no rate.
 */

function contributionFile(ready: ReadyDesk, asOf: string, rowsOf: Array<{ personId: number; enterpriseId: number | null; creditCode: string | null; since: string }>): void {
  const sqlite = ready.desk.database().sqlite;
  const importId = Number(
    sqlite.prepare("insert into fact_imports (source, as_of, file_name, rows, matched, unmatched, imported_at) values ('person_insurance', ?, ?, ?, ?, 0, ?)")
      .run(asOf, `社保缴费${asOf}.xlsx`, rowsOf.length, rowsOf.length, `${asOf}T08:00:00.000Z`).lastInsertRowid,
  );
  const insert = sqlite.prepare('insert into person_insurance (import_id, person_id, months_total, months_last12, employer_credit_code, enterprise_id, employer_since) values (?, ?, 24, 12, ?, ?, ?)');
  for (const r of rowsOf) insert.run(importId, r.personId, r.creditCode, r.enterpriseId, r.since);
}

function figure(report: TrainingRatesReport, grouping: TrainingRateRow['grouping'], name: string, rate: keyof TrainingRateRow['figures']) {
  const row = report.rows.find((r) => r.grouping === grouping && r.name.startsWith(name));
  if (!row) throw new Error(`no ${grouping} row ${name}`);
  const f = row.figures[rate];
  return f && [f.numerator, f.denominator, f.pending, f.percent];
}

describe('the three training rates on a hand-computed fixture', () => {
  it('counts 上岗率 within 180 days (day 181 out), a trainee in two classes once, a revoked certificate as not passed, and 稳岗率 from the first contribution file after the checkpoint', () => {
    const ready = readyDesk();
    const { sunli, lina } = colleagues(ready, ['sunli', 'lina']);
    const call = sunli.call;
    const p1 = provider(call);
    const p2 = provider(call, { name: '木渎电工培训中心', creditCode: PROVIDER_CODE_2 });
    const e1 = programme(call, p1.id, { name: '叉车司机' });
    const e2 = programme(call, p2.id, { name: '电工' });
    const s1 = programme(call, p1.id, { name: 'SYB创业培训', kind: 'entrepreneurship', occupationCode: '4-07-02' });
    const u1 = programme(call, p2.id, { name: '电工（职工）', kind: 'employee_upskilling', eligibility: 'employee' });
    const e1a = trainingClass(call, e1.id, 'E1-A', '2026-03-01', '2026-03-31');
    const e1b = trainingClass(call, e1.id, 'E1-B', '2026-04-10', '2026-04-30');
    const e2a = trainingClass(call, e2.id, 'E2-A', '2026-06-01', '2026-06-30');
    const s1a = trainingClass(call, s1.id, 'S1-A', '2026-06-01', '2026-06-10');
    const u1a = trainingClass(call, u1.id, 'U1-A', '2026-01-05', '2026-01-20');

    const [a, b, c, d, e, f, g, h, i, j, k, l, m] = ['甲', '乙', '丙', '丁', '戊', '己', '庚', '辛', '壬', '癸', '子', '丑', '寅'].map((n, idx) =>
      trainee(ready, `学员${n}`, `1985-0${1 + (idx % 9)}-1${idx % 10}`, String(101 + idx * 2).padStart(3, '0')),
    ) as [number, number, number, number, number, number, number, number, number, number, number, number, number];
    const x = registerEnterprise(ready);
    const y = registerEnterprise(ready, { name: '苏州另一家制造有限公司', creditCode: '91320506MARJT2FQ52' });

    const e1aEnrolments = [a, b, c, d].map((p) => enrol(call, e1a.id, p, '2026-02-25'));
    // D misses the second of the two sessions: 50% attendance, not completed.
    const e1aRun = runClass(call, e1a, e1aEnrolments, [e1aEnrolments[3]!.id]);
    expect(e1aRun.enrolments.map((en) => en.statusLabel)).toEqual(['已结业', '已结业', '已结业', '未结业']);
    runClass(call, e1b, [enrol(call, e1b.id, a, '2026-04-05')]);
    runClass(call, e2a, [e, f].map((p) => enrol(call, e2a.id, p, '2026-05-25')));
    const s1aRun = runClass(call, s1a, [g, h, i, j].map((p) => enrol(call, s1a.id, p, '2026-05-25')));
    runClass(call, u1a, [k, l, m].map((p) => enrol(call, u1a.id, p, '2026-01-02', x.id)));

    // 创业培训: G passed and certified, the certificate then revoked; H passed; I failed; J not yet assessed.
    const gPassed = assess(call, enrolmentOf(s1aRun, g), 'passed', '2026-06-20');
    const certificate = expectOk<{ certificate: { id: number } }>(call('training.issueCertificate', { enrolmentId: gPassed.id, certificateNumber: 'CY-2026-0001', issuedOn: '2026-06-25' })).certificate;
    expectOk(call('training.revokeCertificate', { certificateId: certificate.id, version: 1, revokedOn: '2026-09-01', reason: '冒名顶替参训' }));
    assess(call, enrolmentOf(s1aRun, h), 'passed', '2026-06-20');
    assess(call, enrolmentOf(s1aRun, i), 'failed', '2026-06-20');

    // Employment evidence. A and F: a referral answered 录用.
    const vacancy = expectOk<VacancyView>(ready.call('vacancies.create', { enterpriseId: x.id, source: 'walk_in', occupationCode: '6-29-03-05', title: '叉车司机', openings: 5, validFrom: '2026-05-01', validTo: '2026-12-31' }));
    for (const [personId, referredOn, hiredOn] of [[a, '2026-10-08', '2026-10-20'], [f, '2026-07-01', '2026-07-15']] as const) {
      const { referral } = expectOk<{ referral: { id: number; version: number } }>(call('guidance.refer', { personId, kind: 'vacancy', vacancyId: vacancy.id, referredOn }));
      expectOk(call('guidance.recordReferralOutcome', { id: referral.id, version: referral.version, state: 'hired', onDate: hiredOn }));
    }
    // B: a 就业登记 approved, starting on day 181.
    const employment = createCase(ready.call, b, 'employment_registration', { channel: 'flexible', startDate: '2026-09-28' }, EMPLOYMENT_DOCS);
    actOk(lina.call, actOk(lina.call, actOk(ready.call, employment, 'accept'), 'start_review'), 'approve');
    // C: contributions since 04-15. K, L, M: the employees' files.
    contributionFile(ready, '2026-06-30', [
      { personId: c, enterpriseId: x.id, creditCode: x.creditCode, since: '2026-04-15' },
      ...[k, l, m].map((personId) => ({ personId, enterpriseId: x.id, creditCode: x.creditCode, since: '2024-03-01' })),
    ]);
    contributionFile(ready, '2026-08-31', [
      { personId: c, enterpriseId: x.id, creditCode: x.creditCode, since: '2026-04-15' },
      { personId: k, enterpriseId: x.id, creditCode: x.creditCode, since: '2024-03-01' },
      { personId: l, enterpriseId: y.id, creditCode: y.creditCode, since: '2026-08-01' },
    ]);
    contributionFile(ready, '2026-10-31', [{ personId: k, enterpriseId: x.id, creditCode: x.creditCode, since: '2024-03-01' }]);

    const report = expectOk<TrainingRatesReport>(ready.call('training.rates', { from: '2026-01-01', to: '2026-12-31' }));
    expect(report.asOf).toBe('2026-11-27');
    // [numerator, denominator, pending, percent]
    expect(figure(report, 'class', 'E1-A', 'employment')).toEqual([1, 3, 0, 33.3]);
    expect(figure(report, 'class', 'E1-B', 'employment')).toEqual([1, 1, 0, 100]);
    expect(figure(report, 'programme', '叉车司机', 'employment')).toEqual([2, 3, 0, 66.7]);
    expect(figure(report, 'provider', '吴中区职业培训学校', 'employment')).toEqual([2, 3, 0, 66.7]);
    expect(figure(report, 'class', 'E2-A', 'employment')).toEqual([1, 1, 1, 100]);
    expect(figure(report, 'provider', '木渎电工培训中心', 'employment')).toEqual([1, 1, 1, 100]);
    expect(figure(report, 'all', '全部期次', 'employment')).toEqual([3, 4, 1, 75]);
    expect(figure(report, 'all', '全部期次', 'entrepreneurship')).toEqual([1, 3, 1, 33.3]);
    expect(figure(report, 'class', 'S1-A', 'entrepreneurship')).toEqual([1, 3, 1, 33.3]);
    expect(figure(report, 'all', '全部期次', 'retention6')).toEqual([1, 3, 0, 33.3]);
    expect(figure(report, 'all', '全部期次', 'retention12')).toEqual([0, 0, 3, null]);
    // A programme without a trainee of a rate's kind has no figure for it.
    expect(figure(report, 'programme', 'SYB创业培训', 'employment')).toBeNull();

    // Each number opens its named list, with what decided each person.
    const list = (rate: string, grouping: string, groupId: number, member: string) =>
      expectOk<TrainingRateList>(ready.call('training.rateList', { from: '2026-01-01', to: '2026-12-31', rate, grouping, groupId, member }));
    const e1aDenominator = list('employment', 'class', e1a.id, 'denominator');
    expect(e1aDenominator.items.map((it) => [it.personName, it.outcomeLabel, it.evidence, it.windowEnd]).sort()).toEqual([
      ['学员丙', '已就业', '社保缴费 2026-04-15', '2026-09-27'],
      ['学员乙', '期内未就业', '', '2026-09-27'],
      ['学员甲', '期内未就业', '', '2026-09-27'],
    ].sort());
    expect(e1aDenominator.title).toBe('就业培训上岗率 · E1-A（叉车司机） · 分母（期次结束于 2026-01-01 至 2026-12-31，统计日 2026-11-27）');
    expect(list('employment', 'programme', e1.id, 'numerator').items.map((it) => [it.personName, it.classNumber, it.evidence]).sort()).toEqual([
      ['学员丙', 'E1-A', '社保缴费 2026-04-15'], ['学员甲', 'E1-B', '推荐录用 2026-10-20'],
    ].sort());
    expect(list('employment', 'all', 0, 'pending').items.map((it) => it.personName)).toEqual(['学员戊']);
    expect(list('entrepreneurship', 'all', 0, 'denominator').items.map((it) => [it.personName, it.outcomeLabel]).sort()).toEqual([
      ['学员庚', '不合格或证书已撤销'], ['学员辛', '合格'], ['学员壬', '不合格或证书已撤销'],
    ].sort());
    expect(list('retention6', 'provider', p2.id, 'denominator').items.map((it) => [it.personName, it.outcomeLabel, it.evidence]).sort()).toEqual([
      ['学员子', '仍在原单位', '社保缴费 2026-08-31'], ['学员丑', '已离开原单位', '社保缴费 2026-08-31'], ['学员寅', '已离开原单位', '社保缴费 2026-08-31'],
    ].sort());
    // ID numbers are masked in the lists.
    expect(e1aDenominator.items.every((it) => /^3205\*{10}\d{3}[\dX]$/.test(it.idNumberMasked))).toBe(true);

    // As of an earlier day, A's 录用 (10-20) has not happened yet and E1-B's window was still open.
    const earlier = expectOk<TrainingRatesReport>(ready.call('training.rates', { from: '2026-01-01', to: '2026-12-31', asOf: '2026-10-01' }));
    expect(figure(earlier, 'class', 'E1-B', 'employment')).toEqual([0, 0, 1, null]);
    expect(expectError(ready.call('training.rates', { from: '2026-12-31', to: '2026-01-01' }), 'BAD_INPUT').message).toBe('期次结束日期止：不能早于起始日期（2026-12-31）');
  });
});
