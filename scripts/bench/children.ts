import { spawnSync } from 'node:child_process';

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
