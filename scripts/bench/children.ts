import { spawnSync } from 'node:child_process';

/**
 * The parts of `npm run bench` that run in processes of their own (their
 * memory and threads are their own): each prints one JSON object, whose
 * `misses` (figures that missed their goal) join the report's summary.
 */
export function runChildBench(script: string, args: string[], what: string, log: (line: string) => void): unknown {
  log(`${what} …`);
  const child = spawnSync(process.execPath, ['--import', 'tsx', script, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 16 * 1024 * 1024 });
  if (child.status !== 0) return { error: `${script} exited ${child.status}`, misses: [`${script} did not finish (exit ${child.status})`] };
  return JSON.parse(child.stdout) as unknown;
}

/** Every part's misses, each named by its part. */
export function missesOf(parts: Record<string, unknown>): string[] {
  return Object.entries(parts).flatMap(([name, part]) => ((part as { misses?: string[] } | null)?.misses ?? []).map((miss) => `${name}: ${miss}`));
}
