import { rmSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { handlers } from '../../db/handlers';
import { AppError } from '../../db/errors';
import type { Handlers } from '../../db/router';
import { ContractFuzz, METHODS } from './contract-fuzz';
import { drillDir, openDrillDesk } from './drill-desk';

/** The suite's size; `npm run fuzz` runs 100,000 (scripts/drills/fuzz.ts). */
const CALLS = 10_000;

const cleanups: Array<() => void> = [];
afterAll(() => cleanups.forEach((cleanup) => cleanup()));

function fuzzedDesk(seed: number): ContractFuzz {
  const dir = drillDir('desk-fuzz-');
  const drill = openDrillDesk(dir);
  cleanups.push(() => {
    drill.desk.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const fuzz = new ContractFuzz(drill, seed);
  fuzz.prepare();
  return fuzz;
}

describe('every contract method, fuzzed from its JSON Schema as every role and as no one', () => {
  it(`${CALLS.toLocaleString('en')} calls: nothing unhandled, no stack trace or path in an answer, no row changed by a refused call`, async () => {
    // One seed in the suite, so a change is judged on the same calls every run (CI must not turn red on the calendar);
    // the long run (`npm run fuzz`) takes the day's number and explores. FUZZ_SEED=N replays another.
    const seed = Number(process.env.FUZZ_SEED ?? 20_431);
    const fuzz = fuzzedDesk(seed);
    const report = await fuzz.run(CALLS);
    expect(report.findings, `seed ${seed}`).toEqual([]);
    expect(report.methodsCalled).toBe(METHODS.length);
    // The inputs reach the services, not only the door.
    expect(report.ok).toBeGreaterThan(CALLS * 0.05);
    expect(report.refused.BAD_INPUT ?? 0).toBeGreaterThan(CALLS * 0.05);
    expect(report.refused.NOT_FOUND ?? 0).toBeGreaterThan(0);
  }, 300_000);
});

describe('the fuzz catches what it is for (deliberately broken handlers)', () => {
  const original = { ...handlers };
  // One desk for the three: each broken handler is put back after its test.
  let fuzz: ContractFuzz;
  beforeAll(() => {
    fuzz = fuzzedDesk(1);
  }, 60_000);
  afterEach(() => Object.assign(handlers, original));
  const broken = (method: keyof Handlers, handler: (...args: never[]) => unknown) => {
    (handlers as Record<string, unknown>)[method] = handler;
  };

  it('a refused call that writes (a fact committed after the refusal, outside the allowed ones)', () => {
    broken('settings.get', (ctx: Parameters<Handlers['settings.get']>[0]) => {
      throw new AppError('CONFLICT', '请稍后再试', { commitFacts: [() => ctx.database().sqlite.prepare("update users set display_name = '改过'").run()] });
    });
    expect(fuzz.probe('settings.get', 'admin', {}).map((f) => [f.kind, f.detail])).toEqual([['refused-call-wrote', 'changed: users']]);
  });

  it('an error the service did not foresee', () => {
    broken('settings.get', () => (null as unknown as { x: number }).x);
    expect(fuzz.probe('settings.get', 'admin', {}).map((f) => f.kind)).toEqual(['logged', 'internal']);
  });

  it('a refusal that names a file of this machine', () => {
    broken('settings.get', (ctx: Parameters<Handlers['settings.get']>[0]) => {
      throw new AppError('CONFLICT', `无法读取 ${ctx.database().path}`);
    });
    expect(fuzz.probe('settings.get', 'admin', {}).map((f) => f.kind)).toEqual(['stack-or-path']);
  });
});
