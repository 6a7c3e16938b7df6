import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONSOLE_LINES, OFFICE_PATTERN, SERVING_PATTERN } from '../../shared/labels/console-lines';

/** The files whose console lines a user sees: `npm run host` (with --office), the Electron shell's desk thread, the desk. */
const SPEAKERS = ['electron/host.ts', 'electron/office-host-start.ts', 'electron/office-port.ts', 'electron/desk-client.ts', 'electron/desk-thread.ts', 'db/desk.ts', 'db/trends-ahead.ts', 'db/router.ts'];

describe('the host\'s and the shell\'s console lines', () => {
  it('are written only from shared/labels/console-lines.ts, never as a literal in the file that prints them', () => {
    for (const file of SPEAKERS) {
      const source = readFileSync(file, 'utf8');
      const literals = [...source.matchAll(/\b(?:console\.(?:log|error|warn)|log|this\.log|hooks\.log)\(\s*(['"`])/g)].map((m) => source.slice(m.index, m.index + 60));
      expect(literals, file).toEqual([]);
    }
  });

  it('are Chinese: no line is made of English words', () => {
    const L = CONSOLE_LINES;
    const samples = [
      L.database('/data/desk.db', 'ready'), L.serving('http://127.0.0.1:5680/'), L.officeServing(5681), L.officeClosed(5681), L.officePort(5681, ['192.168.1.20', 'desk-host']),
      L.fingerprint('AB:CD'), L.badPort('abc'), L.samePorts, L.deskThreadFailed('TypeError'), L.deskThreadGaveUp(1, 3), L.deskThreadRestarting(null),
      L.listenerFailed('Error'), L.callFailed('persons.register', 'Error'), L.officeNotPrepared('Error'), L.demoRemoved, L.keyGroupsNotUpdated,
      L.methodFailed('persons.register'), L.refusalNotRecorded('persons.register'), L.trendsNotCounted,
    ];
    expect(samples).toHaveLength(Object.keys(L).length);
    for (const line of samples) {
      expect(line, line).toMatch(/[\u4e00-\u9fff]/);
      // Outside addresses, paths and code names, nothing is a run of English words.
      expect(line.replace(/https?:\/\/\S+|[\w.-]+\.(?:ts|db)|better-sqlite3|SHA-256|--[\w-]+|Node\.js/g, ''), line).not.toMatch(/[A-Za-z]{3,}\s+[A-Za-z]{3,}/);
    }
    expect(CONSOLE_LINES.database('/tmp/desk.db', 'uninitialized')).toBe('数据库：/tmp/desk.db（尚未初始化，请在浏览器中完成首次设置）');
  });

  it('name the served addresses in the form the tests, drills and the start-up benchmark read', () => {
    expect(SERVING_PATTERN.exec(CONSOLE_LINES.serving('http://127.0.0.1:5680/'))?.[1]).toBe('http://127.0.0.1:5680/');
    expect(OFFICE_PATTERN.exec(CONSOLE_LINES.officeServing(5681))?.[1]).toBe('5681');
  });
});
