import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { runCli } from '../../electron/cli/run';
import { PASSWORD, tempDir, type DeskFiles } from './helpers';

/** The administrator's command line, run in-process; its printed lines joined. */
export function cli(argv: string[], env: NodeJS.ProcessEnv = {}): { code: number; out: string } {
  const lines: string[] = [];
  const code = runCli(argv, env, (line) => lines.push(line));
  return { code, out: lines.join('\n') };
}

export interface CliWorkspace extends DeskFiles {
  /** --db and --key-file, as every command takes them. */
  common: string[];
  passwordFile(name: string, password: string): string;
}

/** A county database made by `init` on the command line (administrator `clerk`, 王芳, also front desk). */
export function cliWorkspace(): CliWorkspace {
  const dir = tempDir('desk-cli-accounts-');
  mkdirSync(join(dir, 'keys'));
  const files: DeskFiles = { dir, dbPath: join(dir, 'data', 'desk.db'), keyFile: join(dir, 'keys', 'desk.key') };
  const common = ['--db', files.dbPath, '--key-file', files.keyFile];
  const passwordFile = (name: string, password: string) => {
    const path = join(dir, name);
    writeFileSync(path, `${password}\n`);
    return path;
  };
  const init = cli(['init', ...common, '--county', '320506', '--admin', 'clerk', '--admin-name', '王芳', '--also-front-desk', '--password-file', passwordFile('admin.txt', PASSWORD)]);
  expect(init.code, init.out).toBe(0);
  return { ...files, common, passwordFile };
}
