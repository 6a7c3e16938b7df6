import { rmSync } from 'node:fs';
import { describe, expect, it, onTestFinished } from 'vitest';
import { crashDrill } from './crash-drill';
import { drillDir } from './drill-desk';

/** The suite's size; `npm run drill:crash` kills 100 (scripts/drills/crash.ts). */
const KILLS = 20;

describe('crash drill: a desk writing (登记, 更正, 受理/审核/批准, 入场, 导入) is SIGKILLed at random points', () => {
  it(`after each of ${KILLS} kills the database is whole, every acknowledged write is there and the audit chain holds`, async () => {
    const dir = drillDir('desk-crash-');
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    const seed = Number(process.env.CRASH_SEED ?? 20_431);
    const report = await crashDrill(dir, KILLS, seed);
    expect(report.damage, `seed ${seed}`).toEqual([]);
    expect(report.kills).toBe(KILLS);
    // The children did write: a drill whose children die before their first write proves nothing.
    expect(report.acknowledged).toBeGreaterThan(KILLS * 3);
  }, 300_000);
});
