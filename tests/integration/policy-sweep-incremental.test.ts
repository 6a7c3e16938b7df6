import { describe, expect, it } from 'vitest';
import type { JobView, PersonView, SweepView } from '../../shared/contract';
import { expectOk, readyDesk, type ReadyDesk } from './helpers';
import { idNumber, register } from './registry-helpers';

/**
 * The incremental sweep judges only the persons whose facts changed, counted,
 * and leaves exactly the findings a full sweep of everyone gives: verdicts,
 * amounts, traces and the facts behind them.
 */
async function sweep(ready: ReadyDesk): Promise<SweepView> {
  const job = await ready.desk.jobs.settled(expectOk<JobView>(ready.call('policies.sweepStart', {})).id);
  expect(job.state, job.error ?? '').toBe('done');
  return job.result as SweepView;
}

/** Every live finding, as staff and the engine see it (ids and times left out). */
function liveFindings(ready: ReadyDesk): unknown[] {
  return ready.desk
    .database()
    .sqlite.prepare(
      `select policy_code, policy_version, subject_type, subject_id, result, amount_fen, verdict, facts, status
       from policy_findings where status in ('open', 'contacted') order by policy_code, subject_type, subject_id`,
    )
    .all();
}

function departmentImport(ready: ReadyDesk, source: string, asOf: string, rows: (importId: number) => void = () => undefined): void {
  const { sqlite } = ready.desk.database();
  const id = Number(
    sqlite.prepare('insert into fact_imports (source, as_of, file_name, rows, matched, unmatched, imported_at) values (?, ?, ?, 1, 1, 0, ?)').run(source, asOf, `${source}.xlsx`, `${asOf}T08:00:00.000Z`).lastInsertRowid,
  );
  rows(id);
}

/** Twenty-four persons of every age band, half of them recent graduates, a third with 社保 months. */
function county(ready: ReadyDesk): PersonView[] {
  const people = Array.from({ length: 24 }, (_, i) => {
    const year = 1962 + i * 2;
    const graduate = i % 2 === 1 && year >= 1998;
    return register(ready, {
      idNumber: idNumber('320506', `${year}-0${(i % 9) + 1}-1${i % 10}`, `0${String(i).padStart(2, '0')}`.slice(-3)),
      name: `测试${'甲乙丙丁戊己庚辛壬癸'[i % 10]}${'子丑寅'[Math.floor(i / 10)]}`,
      ...(graduate ? { educationCode: '20', graduationDate: `${year + 22 > 2026 ? 2026 : year + 22}-06-30` } : {}),
    });
  });
  departmentImport(ready, 'deaths', '2026-11-20');
  const { sqlite } = ready.desk.database();
  departmentImport(ready, 'person_insurance', '2026-11-20', (importId) => {
    for (const p of people.filter((_, i) => i % 3 === 0)) sqlite.prepare('insert into person_insurance (import_id, person_id, months_total, months_last12) values (?, ?, ?, ?)').run(importId, p.id, 30, 6);
  });
  return people;
}

describe('政策找人: an incremental sweep', () => {
  it('judges only the changed persons and leaves the findings a full sweep of everyone gives', async () => {
    const ready = readyDesk();
    const people = county(ready);
    const first = await sweep(ready);
    expect(first).toMatchObject({ mode: 'full', evaluated: people.length });
    const before = liveFindings(ready);
    expect(before.length).toBeGreaterThan(0);

    // Persons change: one corrected in the registry, others in a newer 社保 file.
    const corrected = people[4]!;
    expectOk<PersonView>(ready.call('persons.update', { id: corrected.id, version: corrected.version, changes: { phone: '13700002222' }, reason: '本人更换号码' }));
    const { sqlite } = ready.desk.database();
    // The newer file lists everyone the older did (one with more months now) and one more person.
    const listed = [...people.filter((_, i) => i % 3 === 0), people[1]!];
    departmentImport(ready, 'person_insurance', '2026-11-25', (importId) => {
      for (const p of listed) sqlite.prepare('insert into person_insurance (import_id, person_id, months_total, months_last12) values (?, ?, ?, ?)').run(importId, p.id, p === people[21] ? 60 : 30, p === people[21] ? 12 : 6);
    });
    // Those persons are due (the triggers mark them), and the sweep judges them and nobody else.
    const due = [...listed, corrected].map((p) => p.id).sort((a, b) => a - b);
    expect(sqlite.prepare("select subject_id from policy_subjects where recheck_on = '' order by subject_id").pluck().all()).toEqual(due);
    expect(await sweep(ready)).toMatchObject({ mode: 'incremental', evaluated: due.length });
    const afterIncremental = liveFindings(ready);

    // A full sweep of everyone now finds exactly what the incremental one left.
    sqlite.prepare("update policy_subjects set recheck_on = ''").run();
    expect(await sweep(ready)).toMatchObject({ mode: 'full', evaluated: people.length });
    expect(liveFindings(ready)).toEqual(afterIncremental);
    // Nothing changed since: nobody is judged.
    expect(await sweep(ready)).toMatchObject({ mode: 'incremental', evaluated: 0 });
  });
});
