// better-sqlite3 is compiled for one ABI. Tests, the host and the command line
// run on Node, so node_modules must hold the Node build; if it was replaced by
// an Electron build (e.g. by a manual electron-rebuild), rebuild it for Node.
import { execSync } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

function loads() {
  try {
    const Database = require('better-sqlite3');
    new Database(':memory:').close();
    return true;
  } catch (error) {
    if (/NODE_MODULE_VERSION|was compiled against a different Node.js version|invalid ELF|Cannot find module/.test(String(error))) return false;
    throw error;
  }
}

if (!loads()) {
  console.log('数据库组件 better-sqlite3 尚未为本机 Node.js 编译，正在编译（约需 2 分钟）…');
  execSync('npm rebuild better-sqlite3', { stdio: 'inherit' });
  if (!loads()) {
    console.error('数据库组件 better-sqlite3 编译后仍无法加载，请检查编译工具（Python、C++ 编译器）后重试。');
    process.exit(1);
  }
}
