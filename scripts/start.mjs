// `npm start`: build what is missing and launch the Electron app. Where the
// Electron binary cannot be obtained (no internet, as on the machines here),
// say so in one line and start the browser host instead.
import { execFileSync, execSync, spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

function electronBinary() {
  // Requiring `electron` resolves (and, from v44, lazily downloads) its binary; keep it out of this process.
  const probe = spawnSync(process.execPath, ['-e', "process.stdout.write(require('electron'))"], { encoding: 'utf8', timeout: 120_000 });
  if (probe.status !== 0 || !probe.stdout || !existsSync(probe.stdout)) return null;
  return probe.stdout;
}

/** The native module rebuilt for Electron's ABI, kept apart from the Node build that tests and the CLI use. */
function electronNativeBinding() {
  const version = JSON.parse(execFileSync(process.execPath, ['-p', "JSON.stringify(require('electron/package.json').version)"], { encoding: 'utf8' }));
  const dir = resolve('build', `electron-native-${version}`, 'better-sqlite3');
  const binding = join(dir, 'build', 'Release', 'better_sqlite3.node');
  if (!existsSync(binding)) {
    console.log(`为 Electron ${version} 编译 better-sqlite3（首次约需 2 分钟）…`);
    cpSync('node_modules/better-sqlite3', dir, { recursive: true, filter: (src) => !src.includes(`${'build'}/Release/obj`) });
    execSync(`npx node-gyp rebuild --release --target=${version} --dist-url=https://electronjs.org/headers`, { cwd: dir, stdio: 'inherit' });
  }
  return binding;
}

function needsBuild(output, sources) {
  if (!existsSync(output)) return true;
  return sources.some((s) => existsSync(s) && statSync(s).mtimeMs > statSync(output).mtimeMs);
}

execSync('node scripts/ensure-built.mjs', { stdio: 'inherit' });
const binary = electronBinary();
if (!binary) {
  console.log('无法获取 Electron 运行文件（本机无法联网下载），改为启动浏览器模式：请用浏览器打开下面显示的地址。');
  execSync('node scripts/ensure-native.mjs', { stdio: 'inherit' });
  const host = spawn(process.execPath, ['--import', 'tsx', 'electron/host.ts', ...process.argv.slice(2)], { stdio: 'inherit' });
  host.on('exit', (code) => process.exit(code ?? 0));
} else {
  if (needsBuild('dist/electron/main.cjs', ['electron/main.ts', 'electron/preload.ts'])) execSync('npm run build:electron', { stdio: 'inherit' });
  const binding = electronNativeBinding();
  const app = spawn(binary, ['.'], { stdio: 'inherit', env: { ...process.env, EMPLOYMENT_DESK_NATIVE_BINDING: binding } });
  app.on('exit', (code) => process.exit(code ?? 0));
}
