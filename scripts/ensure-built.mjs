// Builds the renderer when dist/renderer is missing or older than its sources.
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function newest(dir) {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

const built = 'dist/renderer/index.html';
const stale = !existsSync(built) || statSync(built).mtimeMs < Math.max(newest('renderer'), newest('shared'));
if (stale) {
  console.log('正在生成用户界面（dist/renderer），首次约需半分钟…');
  execSync('npm run build:renderer', { stdio: 'inherit' });
}
