/**
 * The crash drill's child: opens the drill's desk as the app would and does
 * a mixed stream of writes — 登记 (register), 更正 (correct), a 失业登记
 * case accepted, reviewed and approved, 招聘会入场 (check in) and an Excel
 * import — until it is killed. After each write the desk acknowledged, it
 * prints one JSON line `{"ack": …}` (a pipe's writes are synchronous on
 * Linux): what the parent must find after the kill.
 *
 *   node <bundle of tests/drills/crash-worker.ts> <dir> <round> [--broken autocommit]
 *
 * `--broken autocommit` is the deliberately broken variant: every write's
 * statements commit one by one instead of in one transaction (the desk's
 * write transaction replaced), which the drill must catch.
 */
import ExcelJS from 'exceljs';
import { Desk } from '../../db/desk';
import { drillIdNumber, REVIEWER, REVIEWER_PASSWORD, type Ack } from './crash-drill';
import { loginSession, openDrillDesk, unwrap, ADMIN, PASSWORD } from './drill-desk';
import { Rng } from './schema-values';

async function importXlsx(idNumbers: string[]): Promise<string> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('花名册');
  sheet.addRow(['*姓名', '*公民身份号码', '联系电话']);
  idNumbers.forEach((id, i) => sheet.addRow(['周' + '敏静芳丽华'[i % 5]!, id, `1390000${String(i).padStart(4, '0')}`]));
  return Buffer.from(await book.xlsx.writeBuffer()).toString('base64');
}

function breakTransactions(): void {
  // The broken variant: a write's statements commit one at a time, as if the service forgot its transaction.
  const proto = Desk.prototype as unknown as { transaction: (work: () => unknown, mode?: string) => unknown };
  const real = proto.transaction;
  proto.transaction = function (this: Desk, work: () => unknown, mode = 'write') {
    return mode === 'write' ? work() : real.call(this, work, mode);
  };
}

async function main(): Promise<void> {
  const [dir, roundText, flag, variant] = process.argv.slice(2);
  if (!dir || !roundText) throw new Error('usage: crash-worker.ts <dir> <round> [--broken autocommit]');
  if (flag === '--broken' && variant === 'autocommit') breakTransactions();
  const round = Number(roundText);
  const drill = openDrillDesk(dir, { now: () => new Date() });
  const desk = drill.desk;
  if (desk.state().state !== 'ready') throw new Error(`desk not ready: ${desk.state().message ?? desk.state().state}`);
  const clerk = loginSession(desk, ADMIN, PASSWORD, `crash-${round}`);
  const reviewer = loginSession(desk, REVIEWER, REVIEWER_PASSWORD, `crash-${round}`);
  const call = (session: string, method: string, input: unknown) => desk.call(session, method, input).result;
  const ack = (a: Ack) => process.stdout.write(`${JSON.stringify({ ack: a })}\n`);
  const fairId = (desk.database().sqlite.prepare('select max(id) as id from fairs').get() as { id: number }).id;
  const rng = new Rng(round * 7919 + 1);
  // Only persons nothing else touches are corrected: a case's approval or a check-in moves a person's version.
  const correctable: Array<{ id: number; idNumber: string; version: number }> = [];
  let n = 0;
  process.stdout.write('READY\n');

  const register = () => {
    const idNumber = drillIdNumber(round, (n += 1));
    const person = unwrap<{ id: number; version: number }>(call(clerk, 'persons.register', { idNumber, name: '陈' + '晓明红军'[n % 4]!, phone: `139${String(round % 1000).padStart(3, '0')}${String(n % 100_000).padStart(5, '0')}` }), 'register');
    ack({ op: 'register', idNumber });
    return { id: person.id, idNumber, version: person.version };
  };
  for (;;) {
    const roll = rng.float();
    if (roll < 0.35 || correctable.length === 0) {
      correctable.push(register());
    } else if (roll < 0.55) {
      const person = rng.pick(correctable);
      const phone = `139${String(rng.int(0, 99_999_999)).padStart(8, '0')}`;
      const updated = unwrap<{ version: number }>(call(clerk, 'persons.update', { id: person.id, version: person.version, changes: { phone }, reason: '本人来电更正' }), 'correct');
      person.version = updated.version;
      ack({ op: 'correct', id: person.id, version: updated.version, phone });
    } else if (roll < 0.75) {
      const person = register();
      const form = { unemployedSince: '2026-10-31', unemploymentCause: 'contract_expired', drawingUnemploymentInsurance: 'no' };
      let view = unwrap<{ id: number; version: number; state: string }>(call(clerk, 'cases.create', { personId: person.id, caseType: 'unemployment_registration', form, documents: ['id_card', 'self_declaration'] }), 'case');
      ack({ op: 'case', id: view.id, state: view.state });
      for (const [session, action] of [[clerk, 'accept'], [reviewer, 'start_review'], [reviewer, 'approve']] as const) {
        view = unwrap(call(session, 'cases.transition', { id: view.id, version: view.version, action, ...(action === 'approve' ? { comment: '材料齐全' } : {}) }), action);
        ack({ op: 'case', id: view.id, state: view.state });
      }
    } else if (roll < 0.92) {
      const person = register();
      unwrap(call(clerk, 'fairs.checkIn', { fairId, idNumber: person.idNumber }), 'check in');
      ack({ op: 'checkin', fairId, idNumber: person.idNumber });
    } else {
      const idNumbers = Array.from({ length: 5 }, () => drillIdNumber(round, (n += 1)));
      const job = unwrap<{ id: string }>(call(clerk, 'persons.importStart', { fileName: `花名册-${round}-${n}.xlsx`, base64: await importXlsx(idNumbers), dryRun: false }), 'import');
      const done = await desk.jobs.settled(job.id);
      const result = done.result as { created?: number } | null;
      if (done.state !== 'done' || result?.created !== idNumbers.length) throw new Error(`import ended ${done.state}: ${done.error ?? JSON.stringify(result)}`);
      ack({ op: 'import', idNumbers });
    }
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`crash worker failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(2);
});
