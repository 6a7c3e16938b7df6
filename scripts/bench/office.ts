/**
 * Office-mode load (issue 19): one office host — the desk in its own thread,
 * as `npm run host -- --office` runs it — and 30 paired workstations on
 * loopback over real TLS, doing a front-desk mix (search, profile, register)
 * at 1 request/s each for --seconds (60), then a burst of 100 concurrent
 * searches. Reports p95 and errors per phase; goal p95 < 100 ms, 0 errors.
 * Matters' acceptance is not in the mix yet (it needs matters prepared first).
 *
 *   tsx scripts/bench/office.ts [--workstations 30] [--seconds 60] [--burst 100] [--persons 2000] [--out .bench/office.json]
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { loadOfficeCertificate } from '../../db/office-certificate';
import { DeskClient } from '../../electron/desk-client';
import { createOfficeServer } from '../../electron/office-server';
import { appPaths, appVersion } from '../../electron/paths';
import { WorkstationClient } from '../../electron/workstation-client';
import { pairWorkstation } from '../../electron/workstation-pairing';
import { idNumberCheckChar } from '../../shared/domain/id-number';
import type { RpcResult } from '../../shared/rpc';
import { summarize } from './stats';

const { values } = parseArgs({
  options: {
    workstations: { type: 'string', default: '30' },
    seconds: { type: 'string', default: '60' },
    burst: { type: 'string', default: '100' },
    persons: { type: 'string', default: '2000' },
    out: { type: 'string', default: '.bench/office.json' },
  },
});
const WORKSTATIONS = Number(values.workstations);
const SECONDS = Number(values.seconds);
const BURST = Number(values.burst);
const PERSONS = Number(values.persons);
const GOAL_P95_MS = 100;
const PASSWORD = 'Bench-2026-pass';

let registered = 0;
/** A valid, never repeated ID number of this county. */
function nextIdNumber(): string {
  const k = registered++;
  const birth = new Date(Date.UTC(1970, 0, 1) + Math.floor(k / 900) * 86_400_000).toISOString().slice(0, 10).replace(/-/g, '');
  const first17 = `320506${birth}${String(100 + (k % 900))}`;
  return first17 + idNumberCheckChar(first17);
}

/** Names take no digits: 压测 and the number in Chinese digits (压测一二). */
const nameOf = (n: number): string => `压测${[...String(n)].map((d) => '零一二三四五六七八九'[Number(d)]).join('')}`;

function value<T>(result: RpcResult<unknown>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

const root = resolve(fileURLToPath(import.meta.url), '..', '..', '..');
const paths = appPaths(root);
const dir = mkdtempSync(join(tmpdir(), 'desk-bench-office-'));
const desk = new DeskClient(new URL('../../electron/desk-thread.mjs', import.meta.url), {
  dbPath: join(dir, 'data', 'desk.db'),
  keySource: { kind: 'files', keyFile: join(dir, 'keys', 'desk.key') },
  migrationsDir: paths.migrationsDir,
  resourcesDir: paths.resourcesDir,
  appVersion: appVersion(),
  lock: '办公室模式压力测试',
  offerDemo: false,
  schedulers: { exchange: false, backups: false },
});
mkdirSync(join(dir, 'keys'), { recursive: true, mode: 0o700 });

try {
  value(
    (await desk.call(null, 'setup.initialize', { countyCode: '320506', adminUsername: 'bench', adminDisplayName: '压测', password: PASSWORD, alsoFrontDesk: true })).result,
  );
  const login = await desk.call(null, 'auth.login', { username: 'bench', password: PASSWORD });
  value(login.result);
  const admin = login.session && 'set' in login.session ? login.session.set : null;
  const asAdmin = async (method: string, input: unknown) => value<unknown>((await desk.call(admin, method, input, '本机窗口')).result);
  for (let i = 0; i < PERSONS; i += 1) await asAdmin('persons.register', { idNumber: nextIdNumber(), name: nameOf(i) });
  await asAdmin('office.switchOn', { names: ['127.0.0.1'] });
  const certificate = loadOfficeCertificate(join(dir, 'data'))!;
  const server = createOfficeServer({ desk, certificate, hostNames: ['127.0.0.1'] });
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  const port = (server.address() as { port: number }).port;

  const stations: Array<{ client: WorkstationClient; session: string | null }> = [];
  for (let i = 0; i < WORKSTATIONS; i += 1) {
    const { code } = (await asAdmin('office.issuePairingCode', {})) as { code: string };
    const paired = await pairWorkstation({ host: '127.0.0.1', port, fingerprint: certificate.fingerprint, code, name: `窗口${i + 1}` });
    if (!paired.ok) throw new Error(paired.error.message);
    const client = new WorkstationClient(paired.config);
    const outcome = await client.call(null, 'auth.login', { username: 'bench', password: PASSWORD });
    value(outcome.result);
    stations.push({ client, session: outcome.session && 'set' in outcome.session ? outcome.session.set : null });
  }

  const timings: Record<string, number[]> = { search: [], profile: [], register: [] };
  const errors: Record<string, number> = {};
  const timed = async (kind: string, station: (typeof stations)[number], method: string, input: unknown): Promise<unknown> => {
    const started = performance.now();
    const { result } = await station.client.call(station.session, method, input);
    (timings[kind] ??= []).push(performance.now() - started);
    if (!result.ok) errors[result.error.code] = (errors[result.error.code] ?? 0) + 1;
    return result.ok ? result.value : null;
  };
  /** One front-desk step: mostly searches, a profile opened from one, now and then a newcomer registered. */
  const step = async (station: (typeof stations)[number], tick: number): Promise<void> => {
    const roll = (tick * 7 + stations.indexOf(station) * 13) % 20;
    if (roll < 3) return void (await timed('register', station, 'persons.register', { idNumber: nextIdNumber(), name: `新${nameOf(registered)}` }));
    const found = (await timed('search', station, 'persons.search', { query: nameOf((tick * 31 + roll) % PERSONS) })) as { items: Array<{ id: number }> } | null;
    if (roll < 9 && found?.items[0]) await timed('profile', station, 'persons.get', { id: found.items[0].id });
  };

  const mixStarted = performance.now();
  await Promise.all(
    stations.map(async (station, i) => {
      // Spread the workstations over the second, as real windows are.
      await new Promise((r) => setTimeout(r, (1000 * i) / stations.length));
      for (let tick = 0; tick < SECONDS; tick += 1) {
        const due = mixStarted + (1000 * i) / stations.length + tick * 1000;
        await new Promise((r) => setTimeout(r, Math.max(0, due - performance.now())));
        await step(station, tick);
      }
    }),
  );
  const mixAll = Object.values(timings).flat();
  const burst: number[] = [];
  const burstErrors: Record<string, number> = {};
  await Promise.all(
    Array.from({ length: BURST }, async (_, i) => {
      const station = stations[i % stations.length]!;
      const started = performance.now();
      const { result } = await station.client.call(station.session, 'persons.search', { query: nameOf(i) });
      burst.push(performance.now() - started);
      if (!result.ok) burstErrors[result.error.code] = (burstErrors[result.error.code] ?? 0) + 1;
    }),
  );

  const report = {
    workstations: WORKSTATIONS,
    seconds: SECONDS,
    persons: PERSONS,
    mix: { all: summarize(mixAll), ...Object.fromEntries(Object.entries(timings).filter(([, t]) => t.length > 0).map(([k, t]) => [k, summarize(t)])), errors },
    burst: { concurrent: BURST, ...summarize(burst), errors: burstErrors },
    goal: { p95Ms: GOAL_P95_MS, met: summarize(mixAll).p95 < GOAL_P95_MS && summarize(burst).p95 < GOAL_P95_MS && Object.keys({ ...errors, ...burstErrors }).length === 0 },
  };
  console.log(JSON.stringify(report, null, 2));
  mkdirSync(dirname(resolve(values.out!)), { recursive: true });
  writeFileSync(resolve(values.out!), JSON.stringify(report, null, 2));
  for (const station of stations) await station.client.close();
  server.close();
  server.closeAllConnections();
} finally {
  await desk.close();
  rmSync(dir, { recursive: true, force: true });
}
