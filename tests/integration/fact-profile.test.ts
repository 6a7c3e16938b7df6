import { describe, expect, it } from 'vitest';
import type { FactImportView, ImportReport, JobView, PersonFactSource } from '../../shared/contract';
import { activeUser } from './accounts-helpers';
import { CODE_A, registerEnterprise } from './enterprise-helpers';
import { AS_OF, NOT_HERE, REGISTERED_A, REGISTERED_B, departmentFile, importFacts, registerBoth } from './fact-helpers';
import { deskFiles, expectError, expectOk, keyedConnection, login, openDesk, readyDesk, type ReadyDesk } from './helpers';
import { captureStatements, explain, fullScans } from './plan-helpers';

const ASSISTANCE = ['身份证号', '姓名', '类别', '起始日期', '终止日期'];
const DEATHS = ['身份证号', '姓名', '死亡日期'];

describe('a person’s department data on the profile, and the history of imports', () => {
  it('shows per source the latest file that lists the person, and says when a later complete list no longer does', async () => {
    const ready = readyDesk();
    const { a, b } = registerBoth(ready);
    const firm = registerEnterprise(ready);
    await importFacts(ready, { source: 'person_insurance', base64: departmentFile(['身份证号', '姓名', '累计缴费月数', '近12个月缴费月数', '参保单位统一社会信用代码', '本单位参保起始日期'], [[REGISTERED_A.idNumber, REGISTERED_A.name, 40, 12, CODE_A, '2025-03-01']]) });
    await importFacts(ready, { source: 'assistance', base64: departmentFile(ASSISTANCE, [[REGISTERED_A.idNumber, REGISTERED_A.name, '低保', '2024-01-01', null]]) });
    await importFacts(ready, { source: 'assistance', asOf: '2026-11-20', base64: departmentFile(ASSISTANCE, [[REGISTERED_B.idNumber, REGISTERED_B.name, '特困', '2026-11-01', null]]) });
    await importFacts(ready, { source: 'deaths', base64: departmentFile(DEATHS, [[REGISTERED_A.idNumber, REGISTERED_A.name, '2026-10-01']]) });
    await importFacts(ready, { source: 'deaths', asOf: '2026-11-20', base64: departmentFile(DEATHS, [[REGISTERED_B.idNumber, REGISTERED_B.name, '2026-11-10']]) });
    await importFacts(ready, { source: 'disability_certificates', base64: departmentFile(['身份证号', '姓名', '残疾人证号'], [[REGISTERED_A.idNumber, REGISTERED_A.name, `${REGISTERED_A.idNumber}42`]]) });

    const facts = expectOk<PersonFactSource[]>(ready.call('facts.forPerson', { personId: a }));
    expect(facts.map((f) => [f.source, f.sourceLabel, f.asOf, f.absentFromLaterAsOf])).toEqual([
      ['person_insurance', '社保个人', AS_OF, null],
      ['assistance', '民政', AS_OF, '2026-11-20'],
      // A death list names the deaths since the last one: a later list without her says nothing.
      ['deaths', '死亡', AS_OF, null],
      ['disability_certificates', '残联', AS_OF, null],
    ]);
    expect(facts.flatMap((f) => f.rows)).toEqual([
      { source: 'person_insurance', monthsTotal: 40, monthsLast12: 12, employerCreditCode: CODE_A, employerName: firm.name, enterpriseId: firm.id, employerSince: '2025-03-01' },
      { source: 'assistance', kind: 'dibao', kindLabel: '低保', fromDate: '2024-01-01', toDate: null },
      { source: 'deaths', diedOn: '2026-10-01' },
      // The certificate number carries the ID number: masked as the ID is.
      { source: 'disability_certificates', certificateNoMasked: '3205************4X42', categoryLabel: '肢体残疾', gradeLabel: '二级', validTo: null },
    ]);
    expect(expectOk<PersonFactSource[]>(ready.call('facts.forPerson', { personId: b })).map((f) => [f.source, f.asOf, f.absentFromLaterAsOf])).toEqual([
      ['assistance', '2026-11-20', null], ['deaths', '2026-11-20', null],
    ]);
    expectError(ready.call('facts.forPerson', { personId: 999 }), 'NOT_FOUND');
  });

  it('lists the imports newest first, by source, with who imported them and how their rows matched', async () => {
    const ready = readyDesk();
    registerBoth(ready);
    await importFacts(ready, { source: 'deaths', fileName: '死亡名单10月.xlsx', base64: departmentFile(DEATHS, [[REGISTERED_A.idNumber, REGISTERED_A.name, '2026-10-01'], [NOT_HERE.idNumber, NOT_HERE.name, '2026-10-02'], ['320102199003071238', '某某', '2026-10-03']]) });
    ready.clock.advanceMinutes(5);
    await importFacts(ready, { source: 'assistance', fileName: '低保名单.xlsx', base64: departmentFile(ASSISTANCE, [[REGISTERED_B.idNumber, REGISTERED_B.name, '低保', null, null]]) });
    const all = expectOk<{ items: FactImportView[]; total: number }>(ready.call('facts.imports', {}));
    expect(all.total).toBe(2);
    expect(all.items.map((i) => [i.sourceLabel, i.asOf, i.fileName, i.rows, i.matched, i.unmatched, i.invalid, i.importedByName])).toEqual([
      ['民政', AS_OF, '低保名单.xlsx', 1, 1, 0, 0, '王芳'],
      ['死亡', AS_OF, '死亡名单10月.xlsx', 3, 1, 1, 1, '王芳'],
    ]);
    expect(expectOk<{ items: FactImportView[] }>(ready.call('facts.imports', { source: 'deaths' })).items.map((i) => i.fileName)).toEqual(['死亡名单10月.xlsx']);
  });

  it('the front desk reads a person’s department data but may not import it; the head may', async () => {
    const ready = readyDesk();
    const { a } = registerBoth(ready);
    const desk = activeUser(ready, 'qiantai', ['front_desk'], '钱前台');
    expect(expectOk<PersonFactSource[]>(desk.call('facts.forPerson', { personId: a }))).toEqual([]);
    const file = departmentFile(DEATHS, [[REGISTERED_A.idNumber, REGISTERED_A.name, '2026-10-01']]);
    const input = { source: 'deaths', asOf: AS_OF, fileName: '死亡名单.xlsx', base64: file, dryRun: true };
    expectError(desk.call('facts.importStart', input), 'FORBIDDEN');
    expectError(desk.call('facts.imports', {}), 'FORBIDDEN');
    const head = activeUser(ready, 'juzhang', ['head'], '周局长');
    const job = expectOk<JobView>(head.call('facts.importStart', input));
    expect((await ready.desk.jobs.settled(job.id)).state).toBe('done');
  });
});

describe('query plans', () => {
  it('looks the file’s persons up through the ID-number index, and a person’s data through the per-person indexes', async () => {
    const ready = readyDesk();
    const { a } = registerBoth(ready);
    const file = departmentFile(['身份证号', '姓名', '累计缴费月数', '近12个月缴费月数'], [[REGISTERED_A.idNumber, REGISTERED_A.name, 40, 12], [NOT_HERE.idNumber, NOT_HERE.name, 30, 12]]);
    await importFacts(ready, { source: 'person_insurance', base64: file });
    const captured = captureStatements(ready);
    await importFacts(ready, { source: 'person_insurance', base64: file, dryRun: true });
    expectOk(ready.call('facts.forPerson', { personId: a }));
    const raw = keyedConnection(ready.dbPath, ready.keyFile);
    const reads = captured.filter((c) => /^select/i.test(c.sql) && /"persons"|"person_insurance"|"fact_imports"/.test(c.sql));
    const plans = reads.map((c) => explain(raw, c.sql, c.params));
    expect(plans.flatMap(fullScans)).toEqual([]);
    const lines = plans.flatMap((p) => p.lines).join('\n');
    expect(lines).toMatch(/SEARCH persons USING INDEX persons_id_number \(id_number=\?\)/);
    expect(lines).toMatch(/SEARCH person_insurance USING (COVERING )?INDEX person_insurance_person \(person_id=\?\)/);
    expect(lines).toMatch(/SEARCH fact_imports USING (COVERING )?INDEX fact_imports_source_as_of \(source=\?\)/);
  });
});

describe('merging a duplicate record', () => {
  it('moves the duplicate’s department data to the record that stays', async () => {
    const ready = readyDesk();
    const { a, b } = registerBoth(ready);
    await importFacts(ready, { source: 'deaths', base64: departmentFile(DEATHS, [[REGISTERED_B.idNumber, REGISTERED_B.name, '2026-10-01']]) });
    const reviewer = activeUser(ready, 'shenhe', ['reviewer'], '赵审核');
    expectOk(reviewer.call('persons.merge', { keepId: a, mergeId: b, reason: '同一人重复登记' }));
    expect(expectOk<PersonFactSource[]>(ready.call('facts.forPerson', { personId: a })).map((f) => [f.source, f.rows])).toEqual([['deaths', [{ source: 'deaths', diedOn: '2026-10-01' }]]]);
    expect(expectOk<PersonFactSource[]>(ready.call('facts.forPerson', { personId: b }))).toEqual([]);
  });
});

describe('in a job thread of its own', () => {
  it('imports department data with the same report as inline, its 数据截止日期 carried to the thread', async () => {
    const files = deskFiles();
    readyDesk({ files, login: false }).desk.close();
    const desk = openDesk(files, { jobThreadEntry: new URL('../../db/job-thread.mjs', import.meta.url) });
    const session = login(desk);
    const threaded = { ...files, desk, session, call: (method: string, input?: unknown) => desk.call(session, method, input).result } as ReadyDesk;
    const inline = readyDesk();
    const file = departmentFile(DEATHS, [[REGISTERED_A.idNumber, REGISTERED_A.name, '2026-10-01'], [NOT_HERE.idNumber, NOT_HERE.name, '2026-11-02']]);
    const reports: ImportReport[] = [];
    for (const ready of [threaded, inline]) {
      registerBoth(ready);
      reports.push(await importFacts(ready, { source: 'deaths', base64: file }));
    }
    expect(reports[0]).toEqual(reports[1]);
    expect(reports[0]).toMatchObject({ matched: 1, invalid: 1, nothingWritten: false });
    expect(threaded.desk.database().sqlite.prepare('select as_of as asOf, matched from fact_imports').all()).toEqual([{ asOf: AS_OF, matched: 1 }]);
    expect(expectOk<{ ok: boolean }>(threaded.call('audit.verify', {})).ok).toBe(true);
  }, 120_000);
});
