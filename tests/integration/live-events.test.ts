import { readFileSync } from 'node:fs';
import { request, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { DeskClient } from '../../electron/desk-client';
import { createHostServer, hostRoutes } from '../../electron/host-server';
import type { JobView } from '../../shared/contract';
import type { LiveEvent } from '../../shared/live';
import type { RpcResult } from '../../shared/rpc';
import { ADMIN, COUNTY, PASSWORD, PATHS, deskFiles, expectOk, readyDesk, tempDir } from './helpers';
import { addDays } from '../../shared/domain/calendar';
import { officeDate } from '../../shared/domain/dates';
import { FAIR } from './fairs-helpers';
import { PERSON_A } from './persons-data';

/**
 * Several people at once: a change committed at one window reaches every
 * other signed-in window's `GET /events` as a topic — through the real desk
 * thread and the real host on loopback, over a real encrypted database built
 * by the migrations.
 */
const COLLEAGUE = 'zhaolei';
const COLLEAGUE_PASSWORD = 'Zhao-2026-desk';

interface Reply {
  status: number;
  body: string;
  cookie: string;
}

async function startHall(heartbeatMs = 15_000) {
  const files = deskFiles();
  const desk = new DeskClient(new URL('../../electron/desk-thread.mjs', import.meta.url), {
    dbPath: files.dbPath,
    keySource: { kind: 'files', keyFile: files.keyFile },
    migrationsDir: PATHS.migrationsDir,
    resourcesDir: PATHS.resourcesDir,
    appVersion: '0.0.0-test',
    lock: '测试中的办公室主机',
    offerDemo: false,
    schedulers: { exchange: false, backups: false },
  });
  onTestFinished(() => desk.close());
  const server: Server = createHostServer({ desk, rendererDir: join(tempDir('desk-live-'), 'renderer'), routes: hostRoutes({ heartbeatMs }) });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  onTestFinished(() => new Promise<void>((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  }));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;

  const rpc = (method: string, input: unknown, cookie = ''): Promise<Reply> =>
    new Promise((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, method: 'POST', path: '/rpc', headers: { 'Content-Type': 'application/json', Origin: origin, Cookie: cookie } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), cookie: (res.headers['set-cookie']?.[0] ?? cookie).split(';')[0]! }));
      });
      req.on('error', reject);
      req.end(JSON.stringify({ method, input }));
    });
  const ok = async <T>(method: string, input: unknown, cookie: string): Promise<T> => expectOk<T>(JSON.parse((await rpc(method, input, cookie)).body) as RpcResult<unknown>);

  /** Opens `GET /events` as a browser tab of the desk's page would (Chromium marks it same-origin, without Origin). */
  const events = (headers: Record<string, string>) =>
    new Promise<Stream>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, method: 'GET', path: '/events', headers }, (res) => resolve(new Stream(res)));
      req.on('error', reject);
      req.end();
      onTestFinished(() => void req.destroy());
    });

  expectOk((await desk.call(null, 'setup.initialize', { countyCode: COUNTY, adminUsername: ADMIN, adminDisplayName: '王芳', password: PASSWORD, alsoFrontDesk: true })).result);
  const admin = (await rpc('auth.login', { username: ADMIN, password: PASSWORD })).cookie;
  await ok('users.create', { username: COLLEAGUE, displayName: '赵磊', roles: ['front_desk'], password: COLLEAGUE_PASSWORD }, admin);
  const colleague = (await rpc('auth.login', { username: COLLEAGUE, password: COLLEAGUE_PASSWORD })).cookie;
  return { origin, rpc, ok, events, admin, colleague };
}

/** An open event stream: everything it received so far, and a wait for the next announcement. */
class Stream {
  raw = '';
  ended = false;
  private waiters: Array<() => void> = [];

  constructor(readonly res: IncomingMessage) {
    res.setEncoding('utf8');
    res.on('data', (chunk: string) => {
      this.raw += chunk;
      this.waiters.splice(0).forEach((wake) => wake());
    });
    res.on('close', () => {
      this.ended = true;
      this.waiters.splice(0).forEach((wake) => wake());
    });
  }

  get status(): number {
    return this.res.statusCode ?? 0;
  }

  announcements(): LiveEvent[] {
    return [...this.raw.matchAll(/^data: (\{.+\})$/gm)].map((m) => JSON.parse(m[1]!) as LiveEvent).filter((e) => 'topic' in e);
  }

  async until(check: () => boolean, ms = 2_000): Promise<void> {
    const deadline = Date.now() + ms;
    while (!check()) {
      if (Date.now() > deadline) throw new Error(`timed out; received: ${this.raw}`);
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 50);
      });
    }
  }
}

describe('live refresh across windows: GET /events', () => {
  it('a person registered at one window reaches a colleague’s open stream within a second, as a topic without the ID number', async () => {
    const hall = await startHall();
    const stream = await hall.events({ Cookie: hall.colleague, 'Sec-Fetch-Site': 'same-origin' });
    expect(stream.status).toBe(200);
    expect(stream.res.headers['content-type']).toMatch(/^text\/event-stream/);
    await stream.until(() => stream.raw.includes('event: ready'));

    const started = Date.now();
    await hall.ok('persons.register', { idNumber: PERSON_A.idNumber, name: PERSON_A.name, phone: PERSON_A.phone }, hall.admin);
    await stream.until(() => stream.announcements().some((e) => e.topic === 'persons'));
    expect(Date.now() - started).toBeLessThan(1_000);

    const [event] = stream.announcements();
    expect(Object.keys(event!).sort()).toEqual(['at', 'topic']);
    for (const secret of [PERSON_A.idNumber, PERSON_A.idNumber.slice(-6), PERSON_A.name, '13912345678', '5678']) expect(stream.raw).not.toContain(secret);
  });

  it('reads and sign-ins announce nothing; a fair check-in is the door’s own topic', async () => {
    const hall = await startHall();
    const stream = await hall.events({ Cookie: hall.colleague, 'Sec-Fetch-Site': 'same-origin' });
    await stream.until(() => stream.raw.includes('event: ready'));
    await hall.ok('persons.search', { query: '' }, hall.admin);
    await hall.rpc('auth.login', { username: ADMIN, password: PASSWORD });
    // The host runs on the real clock and a check-in after a fair's last day is refused: a fair of today and tomorrow (a run across midnight).
    const today = officeDate(new Date());
    const fair = await hall.ok<{ id: number }>('fairs.create', { ...FAIR, startDate: today, endDate: addDays(today, 1) }, hall.admin);
    await hall.ok('fairs.checkIn', { fairId: fair.id, idNumber: PERSON_A.idNumber, name: PERSON_A.name }, hall.admin);
    await stream.until(() => stream.announcements().length >= 2);
    expect(stream.announcements().map((e) => e.topic)).toEqual(['fairs', 'fairs.door']);
    expect(stream.raw).not.toContain(PERSON_A.idNumber);
  });

  it('a page of another origin, a request without an origin mark, a foreign host name and a caller without a session get nothing', async () => {
    const hall = await startHall();
    const foreign = await hall.events({ Cookie: hall.colleague, Origin: 'http://evil.example' });
    const unmarked = await hall.events({ Cookie: hall.colleague });
    const crossSite = await hall.events({ Cookie: hall.colleague, 'Sec-Fetch-Site': 'cross-site' });
    const signedOut = await hall.events({ 'Sec-Fetch-Site': 'same-origin' });
    const rebound = await hall.events({ Cookie: hall.colleague, Host: 'attacker.example', 'Sec-Fetch-Site': 'same-origin' });
    expect([foreign.status, unmarked.status, crossSite.status, signedOut.status, rebound.status]).toEqual([403, 403, 403, 401, 421]);
    await hall.ok('persons.register', { idNumber: PERSON_A.idNumber, name: PERSON_A.name }, hall.admin);
    for (const refused of [foreign, unmarked, crossSite, signedOut, rebound]) {
      await refused.until(() => refused.ended);
      expect(refused.res.headers['content-type']).not.toMatch(/event-stream/);
      expect(refused.raw).not.toContain('data:');
    }
    // The desk's own origin, named as a fetch would name it, is the same page.
    const own = await hall.events({ Cookie: hall.colleague, Origin: hall.origin });
    expect(own.status).toBe(200);
  });

  it('the stream ends once its session does (logged out), on the next heartbeat', async () => {
    const hall = await startHall(100);
    const stream = await hall.events({ Cookie: hall.colleague, 'Sec-Fetch-Site': 'same-origin' });
    await stream.until(() => stream.raw.includes(': ping'));
    await hall.ok('auth.logout', {}, hall.colleague);
    await stream.until(() => stream.ended);
  });
});

describe('job completions are announced', () => {
  it('a roster import announces persons when its job has written, not when it starts', async () => {
    const ready = readyDesk();
    const heard: LiveEvent[] = [];
    ready.desk.subscribe((event) => heard.push(event));
    const base64 = readFileSync('tests/fixtures/persons-import.xlsx').toString('base64');
    const job = expectOk<JobView>(ready.call('persons.importStart', { fileName: 'roster.xlsx', base64, dryRun: false }));
    const startedWith = heard.map((e) => e.topic);
    const done = await ready.desk.jobs.settled(job.id);
    expect(done.state).toBe('done');
    expect(startedWith).toEqual([]);
    expect(heard.map((e) => e.topic)).toEqual(['persons']);
    expect(JSON.stringify(heard)).not.toMatch(/\d{17}[\dX]/);
  });
});
