import { parentPort, workerData } from 'node:worker_threads';
import { WorkstationClient, type HandshakeCounts } from '../../electron/workstation-client';
import { pairWorkstation } from '../../electron/workstation-pairing';
import { idNumberCheckChar } from '../../shared/domain/id-number';
import type { RpcResult } from '../../shared/rpc';
import { nameOf } from './office-names';

/**
 * The office bench's workstations (scripts/bench/office.ts), in a thread of
 * their own: in a hall each workstation is another PC, so their half of TLS
 * and HTTP must not share the host's thread, or the bench measures the
 * clients' crypto as the host's delay. They pair with the codes the host
 * issued, sign in, run the front-desk mix at 1 request/s each, then the
 * bursts, and post the raw timings back.
 */
export interface StationsInput {
  port: number;
  fingerprint: string;
  codes: string[];
  password: string;
  seconds: number;
  burst: number;
  bursts: number;
  persons: number;
}

export interface StationsOutput {
  timings: Record<string, number[]>;
  errors: Record<string, number>;
  /** The TLS handshakes the workstations made during the mix (pairing and sign-in before it not counted). */
  mixHandshakes: HandshakeCounts;
  bursts: Array<{ times: number[]; failures: Record<string, number>; handshakes: HandshakeCounts }>;
}

const input = workerData as StationsInput;


let newcomers = 0;
/** A newcomer's valid ID number, born from 1995 on (of working age, apart from the host's prepared persons born 1970). */
function newcomerIdNumber(): string {
  const k = newcomers++;
  const birth = new Date(Date.UTC(1995, 0, 1) + Math.floor(k / 900) * 86_400_000).toISOString().slice(0, 10).replace(/-/g, '');
  const first17 = `320506${birth}${String(100 + (k % 900))}`;
  return first17 + idNumberCheckChar(first17);
}

function value<T>(result: RpcResult<unknown>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

type Station = { client: WorkstationClient; session: string | null };

const stations: Station[] = [];
for (const [i, code] of input.codes.entries()) {
  const paired = await pairWorkstation({ host: '127.0.0.1', port: input.port, fingerprint: input.fingerprint, code, name: `窗口${i + 1}` });
  if (!paired.ok) throw new Error(paired.error.message);
  const client = new WorkstationClient(paired.config);
  const outcome = await client.call(null, 'auth.login', { username: 'bench', password: input.password });
  value(outcome.result);
  stations.push({ client, session: outcome.session && 'set' in outcome.session ? outcome.session.set : null });
}

const timings: Record<string, number[]> = { search: [], profile: [], register: [], draft: [], accept: [] };
const errors: Record<string, number> = {};
const timed = async (kind: string, station: Station, method: string, body: unknown): Promise<unknown> => {
  const started = performance.now();
  const { result } = await station.client.call(station.session, method, body);
  (timings[kind] ??= []).push(performance.now() - started);
  if (!result.ok) errors[`${kind} ${result.error.code}`] = (errors[`${kind} ${result.error.code}`] ?? 0) + 1;
  return result.ok ? result.value : null;
};

/** A 失业登记 form of a newcomer who lost the job ten days ago (告知承诺制: two documents). */
const unemploymentForm = () => ({
  unemployedSince: new Date(Date.now() - 10 * 86_400_000).toISOString().slice(0, 10),
  unemploymentCause: 'contract_expired',
  drawingUnemploymentInsurance: 'no',
});

/** One front-desk step: mostly searches, a profile opened from one, now and then a newcomer registered and a 失业登记 受理. */
const step = async (station: Station, tick: number): Promise<void> => {
  const roll = (tick * 7 + stations.indexOf(station) * 13) % 20;
  if (roll < 3) {
    const person = (await timed('register', station, 'persons.register', { idNumber: newcomerIdNumber(), name: `新${nameOf(newcomers)}` })) as { id: number } | null;
    if (roll >= 2 || !person) return;
    const draft = (await timed('draft', station, 'cases.create', { personId: person.id, caseType: 'unemployment_registration', form: unemploymentForm(), documents: ['id_card', 'self_declaration'] })) as { id: number; version: number } | null;
    if (draft) await timed('accept', station, 'cases.transition', { id: draft.id, version: draft.version, action: 'accept' });
    return;
  }
  const found = (await timed('search', station, 'persons.search', { query: nameOf((tick * 31 + roll) % input.persons) })) as { items: Array<{ id: number }> } | null;
  if (roll < 9 && found?.items[0]) await timed('profile', station, 'persons.get', { id: found.items[0].id });
};

/** All workstations' handshakes so far; `since` gives those made after an earlier count. */
const handshakesNow = (): HandshakeCounts =>
  stations.reduce((sum, { client }) => {
    const h = client.handshakes;
    return { full: sum.full + h.full, resumed: sum.resumed + h.resumed, ms: sum.ms + h.ms };
  }, { full: 0, resumed: 0, ms: 0 });
const since = (before: HandshakeCounts): HandshakeCounts => {
  const now = handshakesNow();
  return { full: now.full - before.full, resumed: now.resumed - before.resumed, ms: Math.round((now.ms - before.ms) * 10) / 10 };
};

const beforeMix = handshakesNow();
const mixStarted = performance.now();
await Promise.all(
  stations.map(async (station, i) => {
    // Spread the workstations over the second, as real windows are.
    for (let tick = 0; tick < input.seconds; tick += 1) {
      const due = mixStarted + (1000 * i) / stations.length + tick * 1000;
      await new Promise((r) => setTimeout(r, Math.max(0, due - performance.now())));
      await step(station, tick);
    }
  }),
);

const mixHandshakes = since(beforeMix);

/** `burst` searches at once, spread over the workstations. */
const runBurst = async () => {
  const before = handshakesNow();
  const times: number[] = [];
  const failures: Record<string, number> = {};
  await Promise.all(
    Array.from({ length: input.burst }, async (_, i) => {
      const station = stations[i % stations.length]!;
      const started = performance.now();
      const { result } = await station.client.call(station.session, 'persons.search', { query: nameOf(i) });
      times.push(performance.now() - started);
      if (!result.ok) failures[result.error.code] = (failures[result.error.code] ?? 0) + 1;
    }),
  );
  return { times, failures, handshakes: since(before) };
};
const bursts: StationsOutput['bursts'] = [];
for (let b = 0; b < input.bursts; b += 1) bursts.push(await runBurst());
for (const station of stations) await station.client.close();
parentPort!.postMessage({ timings, errors, mixHandshakes, bursts } satisfies StationsOutput);
