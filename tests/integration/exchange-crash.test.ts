import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ExchangePackageView } from '../../shared/contract';
import { expectOk, readyDesk } from './helpers';
import { connect, exportNow, expectProvinceEqualsCounty, fillCounty, receiveAll } from './exchange-helpers';

const ROOT = join(import.meta.dirname, '..', '..');

/**
 * The real command line exporting (`cli export --progress`), killed with
 * SIGKILL `killAfterMs` after it printed 开始导出 (or left to finish).
 * `exportMs` is the time from 开始导出 to the end.
 */
function exportInChild(args: string[], killAfterMs: number | null): Promise<{ killed: boolean; exportMs: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'electron/cli.ts', ...args, '--progress'], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    let exportStarted = 0;
    let timer: NodeJS.Timeout | null = null;
    child.stdout.on('data', (d: Buffer) => {
      output += d.toString();
      if (!exportStarted && output.includes('开始导出')) {
        exportStarted = Date.now();
        if (killAfterMs !== null) timer = setTimeout(() => child.kill('SIGKILL'), killAfterMs);
      }
    });
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (timer) clearTimeout(timer);
      const exportMs = exportStarted ? Date.now() - exportStarted : 0;
      if (signal === 'SIGKILL') resolve({ killed: true, exportMs });
      else if (code === 0) resolve({ killed: false, exportMs });
      else reject(new Error(`cli export exited ${code}: ${output}`));
    });
  });
}

/** A small deterministic generator: the kill points are reproducible. */
function random(seed: number): () => number {
  let state = seed;
  return () => ((state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
}

describe('exporting survives a crash at any point', () => {
  it('after 20 SIGKILLs of an exporting process, the sequence has no gap and no duplicate, and the round trip holds', { timeout: 600_000 }, async () => {
    const ready = readyDesk();
    const { province, outbox } = connect(ready);
    const { sqlite } = ready.desk.database();
    const history = () => expectOk<ExchangePackageView[]>(ready.call('exchange.history', { limit: 500 })).map((p) => p.sequence).reverse();
    // Each round adds changes, so every export has a package to write.
    fillCounty(sqlite, 400, 1);
    const exportArgs = ['export', '--db', ready.dbPath, '--key-file', ready.keyFile];
    expect((await exportInChild(exportArgs, null)).killed).toBe(false);
    // Kill points fall between the start of the export and its end, measured on a round of the same size.
    fillCounty(sqlite, 150, 100);
    const { exportMs } = await exportInChild(exportArgs, null);
    const packagesDir = join(ready.dbPath, '..', 'exchange', 'packages');
    const next = random(20261127);
    let killed = 0;
    let leftBehind = 0;
    // A run that finished before its kill point does not count: the next one aims earlier.
    let aim = 1;
    for (let round = 0; killed < 20 && round < 40; round += 1) {
      fillCounty(sqlite, 150, round + 2);
      const killAt = exportMs * aim * next();
      const recorded = history().length;
      const outcome = await exportInChild(exportArgs, Math.floor(killAt));
      if (outcome.killed) killed += 1;
      else aim *= 0.9;
      // What the killed run left: a spool or temp file, or a written package not yet recorded.
      const left = readdirSync(packagesDir);
      if (outcome.killed && (left.some((f) => f.endsWith('.tmp') || f.startsWith('jyfw-package-')) || left.filter((f) => f.endsWith('.jyx')).length > recorded || history().length > recorded)) leftBehind += 1;
      // The next export, here, completes whatever the killed one left.
      await exportNow(ready);
      const sequences = history();
      expect(sequences, `round ${round}`).toEqual(sequences.map((_, i) => i + 1));
      const files = readdirSync(outbox).filter((f) => f.endsWith('.jyx')).sort();
      expect(files, `round ${round}: outbox holds exactly the recorded packages`).toEqual(sequences.map((s) => `320506-${String(s).padStart(8, '0')}.jyx`));
      expect(readdirSync(packagesDir).sort(), `round ${round}: the county's folder holds the recorded packages and nothing half-written`).toEqual(files);
    }
    expect(killed, 'exporting processes killed').toBe(20);
    expect(leftBehind, 'kills landed while a package was being written or recorded').toBeGreaterThanOrEqual(5);
    const received = await receiveAll(ready, province, outbox);
    expect(received.every((o) => o.status === 'applied'), JSON.stringify(received.filter((o) => o.status !== 'applied'))).toBe(true);
    expectProvinceEqualsCounty(ready, province);
  });

  it('a run killed after publishing its package but before recording it and removing its spool: the next run records that same package and removes the spool', async () => {
    const ready = readyDesk();
    const { province, outbox } = connect(ready);
    const { sqlite } = ready.desk.database();
    fillCounty(sqlite, 50, 1);
    expect((await exportNow(ready)).sequence).toBe(1);
    fillCounty(sqlite, 50, 2);
    expect((await exportNow(ready)).sequence).toBe(2);
    // What that kill leaves: package 2 in the county's folder, not in the history nor the outbox, and its spool.
    const packagesDir = join(ready.dbPath, '..', 'exchange', 'packages');
    sqlite.prepare('delete from exchange_packages where sequence = 2').run();
    rmSync(join(outbox, '320506-00000002.jyx'));
    mkdirSync(join(packagesDir, 'jyfw-package-killed'));
    writeFileSync(join(packagesDir, 'jyfw-package-killed', '0.bin'), Buffer.alloc(64, 7));

    const recovered = await exportNow(ready);
    expect([recovered.sequence, recovered.recovered]).toEqual([2, true]);
    expect(readdirSync(packagesDir).sort()).toEqual(['320506-00000001.jyx', '320506-00000002.jyx']);
    expect(existsSync(join(outbox, '320506-00000002.jyx'))).toBe(true);
    const received = await receiveAll(ready, province, outbox);
    expect(received.map((o) => o.status)).toEqual(['applied', 'applied']);
    expectProvinceEqualsCounty(ready, province);
  });
});
