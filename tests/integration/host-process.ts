import { spawn } from 'node:child_process';
import { onTestFinished } from 'vitest';

/**
 * `npm run host …` as its own process (electron/host.ts through tsx), as an
 * administrator or a service runs it: its printed lines collected, waited on,
 * and the process stopped at the end of the test.
 */
export interface HostProcess {
  /** Everything the host printed so far (stdout and stderr). */
  out(): string;
  /** Resolves with what `found` reads from the output once it reads something (not null); rejects after a minute, or when the host exits first, quoting the output. */
  until<T>(found: (out: string) => T | null, what: string): Promise<T>;
  stop(): Promise<void>;
}

export function startHostProcess(args: readonly string[]): HostProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', 'electron/host.ts', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const waiters = new Set<() => void>();
  const onData = (chunk: Buffer) => {
    out += chunk.toString();
    waiters.forEach((check) => check());
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  child.on('exit', () => waiters.forEach((check) => check()));
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  onTestFinished(stop);
  const until = <T>(found: (out: string) => T | null, what: string) =>
    new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => fail(`${what}:\n${out}`), 60_000);
      const fail = (message: string) => {
        clearTimeout(timer);
        waiters.delete(check);
        reject(new Error(message));
      };
      const check = () => {
        const value = found(out);
        if (value !== null) {
          clearTimeout(timer);
          waiters.delete(check);
          return resolve(value);
        }
        if (child.exitCode !== null || child.signalCode !== null) fail(`${what} (the host exited ${child.exitCode ?? child.signalCode}):\n${out}`);
      };
      waiters.add(check);
      check();
    });
  return { out: () => out, until, stop };
}
