import { describe, expect, it } from 'vitest';
import type { TimelineSection, TrainingClassDetail, TrainingEnrolmentView, TrainingProviderView } from '../../shared/contract';
import { auditDetailText } from '../../shared/labels/audit-detail';
import { lastAuditId, storedAudit } from './accounts-helpers';
import { colleagues } from './cases-helpers';
import { registerEnterprise } from './enterprise-helpers';
import { expectError, expectOk, readyDesk } from './helpers';
import { rows } from './registry-helpers';
import { assess, enrol, enrolmentOf, programme, provider, PROVIDER_CODE, runClass, trainee, trainingClass, trainingWrites } from './training-helpers';

// The desk's clock starts on Friday 2026-11-27.

describe('职业培训: a class from enrolment through attendance, completion and assessment to the certificate', () => {
  it('runs a class: trainees enrol from the registry, attendance decides completion, a passed trainee gets a certificate that can be revoked', () => {
    const ready = readyDesk();
    const { sunli } = colleagues(ready, ['sunli']);
    const school = provider(sunli.call);
    expect(school).toMatchObject({ creditCode: PROVIDER_CODE, contactPhoneMasked: '139****2345', programmes: 0 });
    const forklift = programme(sunli.call, school.id);
    expect(forklift).toMatchObject({ kindLabel: '就业技能培训', levelLabel: '五级/初级工', eligibilityLabel: '劳动年龄内城乡劳动者', providerName: '吴中区职业培训学校' });
    const cls = trainingClass(sunli.call, forklift.id, '2026-叉车-09', '2026-11-02', '2026-11-20');
    const zhang = trainee(ready, '张三', '1990-05-12', '013');
    const wang = trainee(ready, '王五', '1988-02-03', '035');
    const a = enrol(sunli.call, cls.id, zhang, '2026-10-28');
    const b = enrol(sunli.call, cls.id, wang, '2026-10-30');
    expect(a).toMatchObject({ personName: '张三', idNumberMasked: expect.stringMatching(/^3205\*{10}\d{3}[\dX]$/), statusLabel: '在训', classNumber: '2026-叉车-09' });

    // 王五 misses the second of two equal sessions: 50% attendance, under the 80% needed.
    const closed = runClass(sunli.call, cls, [a, b], [b.id]);
    expect(closed.trainingClass.statusLabel).toBe('已结业');
    expect(closed.sessions.map((s) => [s.sessionDate, s.present.length, s.absent.length])).toEqual([['2026-11-02', 2, 0], ['2026-11-20', 1, 1]]);
    expect(closed.enrolments.map((e) => [e.personName, e.attendedHours, e.statusLabel, e.completedOn])).toEqual([['张三', 16, '已结业', '2026-11-20'], ['王五', 8, '未结业', null]]);

    // Only a completed trainee is assessed; a certificate follows a pass.
    expect(expectError(sunli.call('training.recordAssessment', { enrolmentId: b.id, version: enrolmentOf(closed, wang).version, result: 'passed', assessedOn: '2026-11-25' }), 'BAD_INPUT').message).toBe('学员：只有已结业的学员才能记录考核结果');
    const passed = assess(sunli.call, enrolmentOf(closed, zhang), 'passed', '2026-11-25');
    const certified = expectOk<TrainingEnrolmentView>(sunli.call('training.issueCertificate', { enrolmentId: passed.id, certificateNumber: 's0000320506001', issuedOn: '2026-11-26' }));
    expect(certified.certificate).toMatchObject({ certificateNumber: 'S0000320506001', levelLabel: '五级/初级工', revokedOn: null });
    const again = expectError(sunli.call('training.issueCertificate', { enrolmentId: passed.id, certificateNumber: 'S0000320506002', issuedOn: '2026-11-26' }), 'BAD_INPUT');
    expect(again.message).toBe('学员：该学员本期已有证书，不能重复发放');

    const before = lastAuditId(ready);
    const revoked = expectOk<TrainingEnrolmentView>(sunli.call('training.revokeCertificate', { certificateId: certified.certificate!.id, version: 1, revokedOn: '2026-11-27', reason: '考核材料不实' }));
    expect(revoked.certificate).toMatchObject({ revokedOn: '2026-11-27', revokeReason: '考核材料不实' });
    const audit = storedAudit(ready, before);
    expect(audit.map((e) => e.action)).toEqual(['training.revokeCertificate']);
    expect(auditDetailText(audit[0]!.detail)).toBe('证书编号：S0000320506001；原因：考核材料不实；撤销日期：2026-11-27');

    // The person's 培训 on the profile's timeline.
    const timeline = expectOk<TimelineSection[]>(ready.call('persons.timeline', { id: zhang }));
    expect(timeline.find((s) => s.kind === 'trainings')!.events.map((e) => [e.title, e.detail])).toEqual([
      ['就业技能培训：叉车司机（期次2026-叉车-09，已结业）', '报名 2026-10-28 · 结业 2026-11-20 · 考核合格 · 证书 S0000320506001（五级/初级工）已于2026-11-27撤销'],
    ]);
    // Every row reaches the provincial exchange through its aggregate: a trainee's change is a change of the enrolment —
    // 2 enrolments, 4 attendance marks, 2 completions, 1 assessment, 1 certificate and its revocation: 11.
    expect(rows(ready, "select entity, count(*) as n from exchange_changes where entity like 'training_%' group by entity order by entity")).toEqual([
      { entity: 'training_classes', n: 4 }, { entity: 'training_enrolments', n: 11 }, { entity: 'training_programmes', n: 1 }, { entity: 'training_providers', n: 1 },
    ]);
  });

  it('refuses in Chinese, naming the field, and writes nothing: a person born yesterday, overlapping classes, a class ending before it starts, a bad credit code', () => {
    const ready = readyDesk();
    const { sunli } = colleagues(ready, ['sunli']);
    const school = provider(sunli.call);
    const forklift = programme(sunli.call, school.id);
    const november = trainingClass(sunli.call, forklift.id, '2026-叉车-11', '2026-11-16', '2026-12-11');
    const december = trainingClass(sunli.call, forklift.id, '2026-叉车-12', '2026-12-07', '2026-12-25');
    const zhang = trainee(ready, '张三', '1990-05-12', '013');
    enrol(sunli.call, november.id, zhang, '2026-11-10');
    const baby = trainee(ready, '张小宝', '2026-11-26', '021');
    const before = trainingWrites(ready);

    const newborn = expectError(sunli.call('training.enrol', { classId: december.id, personId: baby, enrolledOn: '2026-11-27' }), 'BAD_INPUT');
    expect(newborn.message).toBe('学员：年龄不符：开班日（2026-12-07）未满16周岁（出生日期2026-11-26），不能报名培训');
    expect(newborn.fields).toHaveProperty('personId');

    const overlap = expectError(sunli.call('training.enrol', { classId: december.id, personId: zhang, enrolledOn: '2026-11-27' }), 'BAD_INPUT');
    expect(overlap.message).toBe('学员：该人员已在期次2026-叉车-11（2026-11-16至2026-12-11）学习，与本期次（2026-12-07至2026-12-25）时间重叠，不能同时报名');

    const twice = expectError(sunli.call('training.enrol', { classId: november.id, personId: zhang, enrolledOn: '2026-11-27' }), 'BAD_INPUT');
    expect(twice.message).toBe('学员：张三已报名本期次（2026-叉车-11）');

    const backwards = expectError(sunli.call('training.createClass', { programmeId: forklift.id, classNumber: '2026-叉车-13', startDate: '2026-12-20', endDate: '2026-12-10', place: '木渎', teacher: '周建国', capacity: 20 }), 'BAD_INPUT');
    expect(backwards.message).toBe('结束日期：结束日期不能早于开始日期（2026-12-20）');
    expect(backwards.fields).toEqual({ endDate: '结束日期不能早于开始日期（2026-12-20）' });

    const outside = expectError(sunli.call('training.createClass', { programmeId: forklift.id, classNumber: '2027-叉车-01', startDate: '2027-01-04', endDate: '2027-01-20', place: '木渎', teacher: '周建国', capacity: 20 }), 'BAD_INPUT');
    expect(outside.message).toBe('开始日期：开始日期不在项目“叉车司机”的有效期内（2025-01-01至2026-12-31）');

    const badCode = expectError(sunli.call('training.createProvider', { name: '某培训中心', creditCode: '91320100MA1XY81290' }), 'BAD_INPUT');
    expect(badCode.message).toBe('统一社会信用代码：校验位（最后一位）不正确，请核对是否录错');
    const sameCode = expectError(sunli.call('training.createProvider', { name: '另一家', creditCode: PROVIDER_CODE }), 'BAD_INPUT');
    expect(sameCode.message).toBe('统一社会信用代码：该统一社会信用代码已登记为“吴中区职业培训学校”');

    const badProgramme = expectError(sunli.call('training.createProgramme', {
      providerId: school.id, name: '电工', occupationCode: '6-31-01-03', skill: '低压电工', level: 'level4', kind: 'employee_upskilling', eligibility: 'working_age',
      hours: 0, subsidyPerPersonFen: 100000, validFrom: '2026-01-01', validTo: '2026-12-31',
    }), 'BAD_INPUT');
    expect(badProgramme.message).toContain('课时');
    expect(badProgramme.message).toContain('课时应至少1学时');

    const upskilling = programme(sunli.call, school.id, { name: '电工（职工）', kind: 'employee_upskilling', eligibility: 'employee' });
    const staffClass = trainingClass(sunli.call, upskilling.id, '2026-电工-01', '2026-12-14', '2026-12-18');
    const after = trainingWrites(ready);
    const noEmployer = expectError(sunli.call('training.enrol', { classId: staffClass.id, personId: zhang, enrolledOn: '2026-11-27' }), 'BAD_INPUT');
    expect(noEmployer.message).toBe('所在单位：岗位技能提升培训须选择学员所在单位');
    // A session in the future cannot be marked.
    const future = expectError(sunli.call('training.addSession', { classId: december.id, sessionDate: '2026-12-08', hours: 8 }), 'BAD_INPUT');
    expect(future.message).toBe('上课日期：课次日期不能晚于今天（2026-11-27），考勤在上课当天或之后记录');
    expect(trainingWrites(ready)).toBe(after);
    expect(after).not.toBe(before);
    expect(expectOk<TrainingProviderView[]>(sunli.call('training.listProviders', {})).map((p) => [p.name, p.programmes])).toEqual([['吴中区职业培训学校', 2]]);
  });

  it('takes an employee into 岗位技能提升 with the employer, and a registered-unemployed programme only from registered unemployed persons', () => {
    const ready = readyDesk();
    const { sunli } = colleagues(ready, ['sunli']);
    const school = provider(sunli.call);
    const employer = registerEnterprise(ready);
    const upskilling = programme(sunli.call, school.id, { name: '电工（职工）', kind: 'employee_upskilling', eligibility: 'employee' });
    const staffClass = trainingClass(sunli.call, upskilling.id, '2026-电工-01', '2026-12-14', '2026-12-18');
    const zhang = trainee(ready, '张三', '1990-05-12', '013');
    expect(enrol(sunli.call, staffClass.id, zhang, '2026-11-27', employer.id).employerName).toBe(employer.name);
    const unemployedOnly = programme(sunli.call, school.id, { name: '家政服务', eligibility: 'registered_unemployed' });
    const cls = trainingClass(sunli.call, unemployedOnly.id, '2026-家政-01', '2026-12-01', '2026-12-05');
    const refused = expectError(sunli.call('training.enrol', { classId: cls.id, personId: zhang, enrolledOn: '2026-11-27' }), 'BAD_INPUT');
    expect(refused.message).toBe('学员：该项目只招收登记失业人员，此人目前没有有效的失业登记');
    // Front-desk staff read the catalogue but do not run classes.
    const { liuyang } = colleagues(ready, ['liuyang']);
    expect(expectOk<TrainingClassDetail>(liuyang.call('training.classDetail', { classId: staffClass.id })).enrolments).toHaveLength(1);
    expect(expectError(liuyang.call('training.enrol', { classId: cls.id, personId: zhang, enrolledOn: '2026-11-27' }), 'FORBIDDEN').code).toBe('FORBIDDEN');
  });
});
