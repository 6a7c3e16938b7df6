/**
 * The planted-secret drill: the real host (electron/host.ts, with its desk
 * and job threads) runs in a folder of its own — database, keys, backups,
 * exchange outbox, its log (stdout and stderr) and its temp folder (TMPDIR)
 * and home all inside — while a unique ID number and phone go through
 * everything that touches them: registration, search, reveal, correction,
 * a case with an attached scan, a contact record, a fair check-in, an
 * Excel import, a failed login typed with the ID number, the masked export,
 * the provincial export and a backup. Then every file in the folder is
 * scanned (secret-scan.ts).
 */
import { addDays } from '../../shared/domain/calendar';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomInt } from 'node:crypto';
import { createWriteStream, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { publicKeyDocument } from '../../db/exchange/key-files';
import { generateSm2KeyPair, keyIdOf } from '../../db/exchange/package-file';
import { officeDate } from '../../shared/domain/dates';
import { idNumberCheckChar } from '../../shared/domain/id-number';
import type { RpcResult } from '../../shared/rpc';
import { ADMIN, COUNTY, PASSWORD, REPO_ROOT, unwrap } from './drill-desk';
import { SERVING_PATTERN } from '../../shared/labels/console-lines';

export interface Secret {
  idNumber: string;
  phone: string;
}

/** An ID number and a phone no fixture holds: a random birth date and sequence, a random mobile number. */
export function uniqueSecret(): Secret {
  const birth = new Date(Date.UTC(1970, 0, 1) + randomInt(0, 30 * 365) * 86_400_000).toISOString().slice(0, 10).replaceAll('-', '');
  const first17 = `320506${birth}${String(randomInt(100, 1000))}`;
  return { idNumber: first17 + idNumberCheckChar(first17), phone: `13${String(randomInt(0, 1_000_000_000)).padStart(9, '0')}` };
}

export interface RunningHost {
  url: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

/** The host as `npm run host` starts it, with TMPDIR, HOME and its log inside `dir`. */
export async function startHost(dir: string): Promise<RunningHost> {
  for (const sub of ['tmp', 'home', 'logs']) mkdirSync(join(dir, sub), { recursive: true });
  const log = createWriteStream(join(dir, 'logs', 'host.log'));
  const child = spawn(process.execPath, ['--import', 'tsx', 'electron/host.ts', '--db', join(dir, 'data', 'desk.db'), '--key-file', join(dir, 'keys', 'desk.key'), '--port', '0'], {
    cwd: REPO_ROOT,
    env: { ...process.env, TMPDIR: join(dir, 'tmp'), HOME: join(dir, 'home') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.pipe(log, { end: false });
  child.stderr!.pipe(log, { end: false });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`host did not start:\n${out}`)), 60_000);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const match = SERVING_PATTERN.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!.replace(/\/$/, ''));
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`host exited with ${code}:\n${out}`)));
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    url,
    child,
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
      await new Promise<void>((resolve) => log.end(resolve));
    },
  };
}

/** A browser tab on the host: `POST /rpc` with the session cookie, as the renderer calls. */
export function rpcClient(url: string) {
  let cookie = '';
  return async (method: string, input: unknown = {}): Promise<RpcResult<unknown>> => {
    const response = await fetch(`${url}/rpc`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: url, ...(cookie ? { cookie } : {}) },
      body: JSON.stringify({ method, input }),
    });
    const set = response.headers.get('set-cookie');
    if (set) cookie = set.split(';')[0]!;
    return (await response.json()) as RpcResult<unknown>;
  };
}

type Rpc = ReturnType<typeof rpcClient>;

async function settled(rpc: Rpc, job: { id: string }): Promise<{ state: string; error: string | null; result: unknown }> {
  for (;;) {
    const view = unwrap<{ state: string; error: string | null; result: unknown }>(await rpc('jobs.get', { id: job.id }), 'jobs.get');
    if (view.state !== 'running') return view;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% 身份证复印件\n%%EOF\n');

/**
 * The secret through every path that touches it. Returns what the desk handed
 * back as files (the masked export): the caller scans those too, since staff save them.
 */
export async function plantSecret(dir: string, rpc: Rpc, secret: Secret): Promise<Array<{ name: string; bytes: Buffer }>> {
  const ok = async <T>(method: string, input: unknown = {}): Promise<T> => unwrap<T>(await rpc(method, input), method);
  await ok('setup.initialize', { countyCode: COUNTY, adminUsername: ADMIN, adminDisplayName: '王芳', password: PASSWORD, alsoFrontDesk: true });
  // Someone types the ID number into the user name field: a failed login, counted and audited.
  await rpc('auth.login', { username: secret.idNumber, password: secret.phone });
  await ok('auth.login', { username: ADMIN, password: PASSWORD });
  const person = await ok<{ id: number; version: number }>('persons.register', { idNumber: secret.idNumber, name: '欧阳秘', phone: secret.phone });
  await ok('persons.search', { query: secret.idNumber });
  await ok('persons.search', { query: secret.phone });
  await ok('persons.reveal', { id: person.id, field: 'idNumber' });
  await ok('persons.reveal', { id: person.id, field: 'phone' });
  await ok('persons.update', { id: person.id, version: person.version, changes: { phone2: secret.phone }, reason: `本人来电，身份证 ${secret.idNumber}` });
  const theCase = await ok<{ id: number; version: number }>('cases.create', {
    personId: person.id, caseType: 'unemployment_registration',
    form: { unemployedSince: '2026-10-31', unemploymentCause: 'contract_expired', drawingUnemploymentInsurance: 'no' }, documents: ['id_card'],
  });
  const scan = Buffer.concat([PDF, Buffer.from(`${secret.idNumber} ${secret.phone}\n`)]);
  await ok('cases.attach', { caseId: theCase.id, version: theCase.version, documentCode: 'self_declaration', fileName: `${secret.idNumber}.pdf`, contentBase64: scan.toString('base64') });
  await ok('contacts.record', { personId: person.id, contactDate: officeDate(new Date()), kind: 'follow_up', channel: 'phone', content: `回访 ${secret.phone}，身份证 ${secret.idNumber}` });
  const fair = await ok<{ id: number }>('fairs.create', { name: '秘密演练招聘会', campaign: 'assistance_month', targetGroup: 'difficulty', channel: 'on_site', startDate: officeDate(new Date()), endDate: addDays(officeDate(new Date()), 1), venue: '吴中区人力资源市场', organizer: '吴中区人力资源和社会保障局' });
  await ok('fairs.checkIn', { fairId: fair.id, idNumber: secret.idNumber });

  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('花名册');
  sheet.addRow(['*姓名', '*公民身份号码', '联系电话']);
  sheet.addRow(['欧阳秘', secret.idNumber, secret.phone]);
  const imported = await ok<{ id: string }>('persons.importStart', { fileName: `花名册-${secret.phone}.xlsx`, base64: Buffer.from(await book.xlsx.writeBuffer()).toString('base64'), dryRun: false });
  const importDone = await settled(rpc, imported);
  if (importDone.state !== 'done') throw new Error(`import ${importDone.state}: ${importDone.error}`);

  const exported = await ok<{ fileName: string; base64: string }>('persons.exportXlsx', { query: secret.idNumber });

  // The provincial exchange: keys, then an export into the outbox.
  const pair = generateSm2KeyPair();
  await ok('exchange.generateCountyKey', { reason: '首次对接省级系统' });
  await ok('exchange.importProvinceKey', { fileName: 'province.pub', content: publicKeyDocument({ code: '320000', name: '江苏省', keyId: keyIdOf(pair.publicKey), publicKey: pair.publicKey, createdAt: '2026-11-27T00:00:00.000Z' }) });
  await ok('exchange.saveSettings', { outboxDir: join(dir, 'outbox'), schedule: { kind: 'off' } });
  const exchangeDone = await settled(rpc, await ok<{ id: string }>('exchange.exportStart'));
  if (exchangeDone.state !== 'done') throw new Error(`exchange export ${exchangeDone.state}: ${exchangeDone.error}`);

  const backupDone = await settled(rpc, await ok<{ id: string }>('backups.start'));
  if (backupDone.state !== 'done') throw new Error(`backup ${backupDone.state}: ${backupDone.error}`);
  return [{ name: exported.fileName, bytes: Buffer.from(exported.base64, 'base64') }];
}
