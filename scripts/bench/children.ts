import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * The parts of `npm run bench` that run in processes of their own (their
 * memory and threads are their own): each prints one JSON object, whose
 * `misses` (figures that missed their goal) join the report's summary.
 */
export function runChildBench(script: string, args: string[], what: string, log: (line: string) => void, env: Record<string, string> = {}): unknown {
  log(`${what} …`);
  const child = spawnSync(process.execPath, ['--import', 'tsx', script, ...args], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 16 * 1024 * 1024,
    env: { ...process.env, ...env },
  });
  if (child.status !== 0) return { error: `${script} exited ${child.status}`, misses: [`${script} did not finish (exit ${child.status})`] };
  return JSON.parse(child.stdout) as unknown;
}

/** Every part's misses, each named by its part. */
export function missesOf(parts: Record<string, unknown>): string[] {
  return Object.entries(parts).flatMap(([name, part]) => ((part as { misses?: string[] } | null)?.misses ?? []).map((miss) => `${name}: ${miss}`));
}

/**
 * Benches that only need the benchmark county, one line each: run.ts runs each in its own process
 * after the others with `--persons N --dir D`, and `--skip-<name> true` leaves one out.
 */
export const COUNTY_BENCHES: ReadonlyArray<{ name: string; script: string; what: string }> = [
  { name: 'training', script: 'scripts/bench/training-rates.ts', what: '培训成效: the three training rates for a year of 50,000 trainees on the benchmark county (own process)' },
];

/** The parts `npm run bench` runs after the searches, by their `--skip-<name> true` names, in the order they run. */
export const OTHER_PARTS = ['exchange', 'writes', 'reports', 'sweep', 'matching', 'office', 'window'] as const;
export type OtherPart = (typeof OTHER_PARTS)[number];

export interface OtherPartsOptions {
  /** The benchmark county's folder (--dir). */
  dir: string;
  scale: string;
  persons: number;
  skip: ReadonlySet<OtherPart>;
  withProvince: boolean;
  countyBenches: typeof COUNTY_BENCHES;
  log: (line: string) => void;
}

/**
 * Every part after the searches, each in its own process (so the export's peak
 * RSS is the exporter's alone), by the report's names for them; a part left
 * out is null.
 */
export function runOtherParts(o: OtherPartsOptions): Record<string, unknown> {
  const run = (part: OtherPart, script: string, args: string[], what: string, env: Record<string, string> = {}) =>
    o.skip.has(part) ? null : runChildBench(script, args, what, o.log, env);
  // The export runs in Electron's bundled job and sealing threads (`npm run bench` builds them), as in the app.
  const bundledJobThread = resolve(import.meta.dirname, '..', '..', 'dist', 'electron', 'job-thread.cjs');
  const persons = ['--persons', String(o.persons), '--dir', o.dir];
  return {
    exchange: run('exchange', 'scripts/bench/exchange.ts', ['--dir', o.dir], 'exporting every captured change through exchange.exportStart (own process)', existsSync(bundledJobThread) ? { JOB_THREAD_ENTRY: bundledJobThread } : {}),
    writes: run('writes', 'scripts/bench/writes.ts', [], 'writes and Excel import (fresh databases, own process)'),
    reports: run('reports', 'scripts/bench/reports.ts', ['--scale', o.scale, '--dir', o.dir], `monthly report and dashboard on a seeded ${o.scale} county (own process)`),
    sweep: run('sweep', 'scripts/bench/sweep.ts', persons, 'policy sweep on the benchmark county (own process)'),
    matching: run('matching', 'scripts/bench/matching.ts', [], '人岗匹配: top 20 among 50,000 open vacancies and 200,000 persons (own process; --persons 1000000 by hand)'),
    province: o.withProvince
      ? runChildBench('scripts/bench/province.ts', ['--dir', resolve(o.dir, 'province')], "省级: 20 counties' packages into PostgreSQL and SQLite, look-up by ID number (own process)", o.log)
      : null,
    office: run('office', 'scripts/bench/office.ts', ['--out', resolve(o.dir, 'office.json')], '办公室模式: 30 workstations over TLS on loopback, front-desk mix then a burst (own process)'),
    windowActions: run('window', 'scripts/bench/window-actions.ts', [], 'window efficiency: actions to register from an ID-card read and accept a 失业登记 (Playwright, own process)'),
    ...Object.fromEntries(o.countyBenches.map((b) => [b.name, runChildBench(b.script, persons, b.what, o.log)])),
  };
}
