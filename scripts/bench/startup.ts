/**
 * Start-up figures for `npm run bench`: the renderer bundle's gzip size (the
 * built dist/renderer, as the app ships it) and the host's cold start — a new
 * process on an empty data folder until it serves the first page.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { SERVING_PATTERN } from '../../shared/labels/console-lines';

export const BUNDLE_GOAL_MB = 1.5;

export function rendererBundle(rendererDir: string): { files: number; bytes: number; gzipBytes: number; gzipMb: number; pass: boolean } | { error: string } {
  const assets = join(rendererDir, 'assets');
  let names: string[];
  try {
    names = readdirSync(assets).filter((n) => /\.(js|css)$/.test(n));
  } catch {
    return { error: `${assets} is missing: run npm run build first` };
  }
  let bytes = 0;
  let gzipBytes = 0;
  for (const name of names) {
    const content = readFileSync(join(assets, name));
    bytes += statSync(join(assets, name)).size;
    gzipBytes += gzipSync(content, { level: 9 }).length;
  }
  const gzipMb = Math.round((gzipBytes / 1048576) * 100) / 100;
  return { files: names.length, bytes, gzipBytes, gzipMb, pass: gzipMb < BUNDLE_GOAL_MB };
}

/** Milliseconds from spawning `electron/host.ts` to the first page served, median of `runs`. */
export async function hostColdStart(root: string, runs = 3): Promise<{ runs: number[]; medianMs: number }> {
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const dir = mkdtempSync(join(tmpdir(), 'bench-host-'));
    const started = performance.now();
    const child = spawn(process.execPath, ['--import', 'tsx', 'electron/host.ts', '--db', join(dir, 'desk.db'), '--key-file', join(dir, 'desk.key'), '--port', '0'], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (d: Buffer) => {
          out += d.toString();
          const match = SERVING_PATTERN.exec(out);
          if (match) resolve(match[1]!);
        });
        child.on('exit', (code) => reject(new Error(`host exited ${code}: ${out}`)));
      });
      const page = await fetch(url);
      if (!page.ok || !(await page.text()).includes('<div id="root">')) throw new Error(`the host did not serve the app page (HTTP ${page.status}; is ${join(root, 'dist', 'renderer')} built?)`);
      times.push(Math.round(performance.now() - started));
    } finally {
      child.kill('SIGTERM');
      rmSync(dir, { recursive: true, force: true });
    }
  }
  const sorted = [...times].sort((a, b) => a - b);
  return { runs: times, medianMs: sorted[Math.floor(sorted.length / 2)]! };
}
