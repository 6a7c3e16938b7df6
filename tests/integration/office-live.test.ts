import { request } from 'node:https';
import { describe, expect, it } from 'vitest';
import type { HostLinkState } from '../../electron/workstation-events';
import type { LiveEvent } from '../../shared/live';
import { ADMIN, PASSWORD, expectOk } from './helpers';
import { pairedWorkstation, startOfficeHost, type Workstation } from './office-helpers';
import { PERSON_A, PERSON_B } from './persons-data';

/**
 * Live refresh reaches workstations (办公室模式): the office host's TLS port
 * serves each paired workstation the desk's change announcements, and the
 * workstation's client hears them, reconnects after a break, and is shut out
 * once revoked — over real TLS on loopback, on a real encrypted database.
 */
const FAST = { retryMs: [50, 100], silenceMs: 2_000 };

/** What a workstation's window would be told: each announcement and each change of the host link. */
function listen(ws: Workstation) {
  const heard: LiveEvent[] = [];
  const states: HostLinkState[] = [];
  ws.client.onLinkState((state) => states.push(state));
  ws.client.subscribe((event) => heard.push(event));
  return { heard, states };
}

async function until(check: () => boolean, what: string, ms = 2_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('live refresh on workstations', () => {
  it('a person registered on the host or at another window reaches a paired workstation within a second, without the ID number', async () => {
    const host = await startOfficeHost();
    const front = await pairedWorkstation(host, '前台1号窗口', host.port, FAST);
    const counter = await pairedWorkstation(host, '前台2号窗口', host.port, FAST);
    const { heard, states } = listen(front);
    await until(() => states.includes('open'), 'the stream to open');

    let started = Date.now();
    expectOk(host.ready.call('persons.register', PERSON_A));
    await until(() => heard.some((e) => e.topic === 'persons'), 'the host’s registration');
    expect(Date.now() - started).toBeLessThan(1_000);

    expectOk(await counter.call('auth.login', { username: ADMIN, password: PASSWORD }));
    started = Date.now();
    expectOk(await counter.call('persons.register', PERSON_B));
    await until(() => heard.filter((e) => e.topic === 'persons').length === 2, 'the other window’s registration');
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(heard.every((e) => Object.keys(e).sort().join() === 'at,topic')).toBe(true);
    expect(JSON.stringify(heard)).not.toContain(PERSON_A.idNumber);
  });

  it('a revoked workstation’s stream is closed at once and not let in again; the other keeps hearing', async () => {
    const host = await startOfficeHost();
    const front = await pairedWorkstation(host, '前台1号窗口', host.port, FAST);
    const counter = await pairedWorkstation(host, '前台2号窗口', host.port, FAST);
    const revoked = listen(front);
    const kept = listen(counter);
    await until(() => revoked.states.includes('open') && kept.states.includes('open'), 'both streams to open');

    expectOk(host.ready.call('office.revoke', { id: front.config.workstationId, reason: '电脑报废' }));
    await until(() => revoked.states.at(-1) === 'refused', 'the revoked stream to be refused');
    expectOk(host.ready.call('persons.register', PERSON_A));
    await until(() => kept.heard.some((e) => e.topic === 'persons'), 'the kept workstation to hear');
    // Retries keep being refused: the revoked workstation hears nothing more.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(revoked.heard.some((e) => e.topic === 'persons')).toBe(false);
    expect(revoked.states.at(-1)).toBe('refused');
  });

  it('a session stands only at its own workstation and only until the workstation is revoked', async () => {
    const host = await startOfficeHost();
    const front = await pairedWorkstation(host, '前台1号窗口');
    const counter = await pairedWorkstation(host, '前台2号窗口');
    expectOk(await front.call('auth.login', { username: ADMIN, password: PASSWORD }));
    const via = (ws: Workstation) => ({ credential: ws.config.credential, address: '127.0.0.1' });
    const { desk } = host.ready;
    expect(desk.sessionAlive(front.session, via(front))).toBe(true);
    expect(desk.sessionAlive(front.session, via(counter))).toBe(false);
    expect(desk.sessionAlive(null, via(counter))).toBe(true);

    expectOk(host.ready.call('office.revoke', { id: front.config.workstationId, reason: '电脑丢失' }));
    expect(desk.sessionAlive(front.session, via(front))).toBe(false);
    expect(desk.sessionAlive(null, via(front))).toBe(false);
    expect(desk.sessionAlive(null, via(counter))).toBe(true);
  });

  it('the stream says when the host is gone and reconnects by itself when it is back', async () => {
    const host = await startOfficeHost();
    const front = await pairedWorkstation(host, '前台1号窗口', host.port, FAST);
    const { heard, states } = listen(front);
    await until(() => states.includes('open'), 'the stream to open');

    await host.stop();
    await until(() => states.at(-1) === 'unreachable', 'the break to be noticed');
    await host.start();
    await until(() => states.at(-1) === 'open', 'the stream to reopen', 3_000);
    expectOk(host.ready.call('persons.register', PERSON_A));
    await until(() => heard.some((e) => e.topic === 'persons'), 'an announcement after the reconnection');
  });

  it('the office port’s stream is refused without a credential, with an unknown one, and to a web page', async () => {
    const host = await startOfficeHost();
    const status = (headers: Record<string, string>) =>
      new Promise<number>((resolve, reject) => {
        const req = request({ host: '127.0.0.1', port: host.port, path: '/events', rejectUnauthorized: false, headers }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        });
        req.on('error', reject);
        req.end();
      });
    const paired = await pairedWorkstation(host, '前台1号窗口');
    expect(await status({})).toBe(401);
    expect(await status({ Authorization: 'Workstation not-a-credential' })).toBe(403);
    expect(await status({ Authorization: `Workstation ${paired.config.credential}`, Origin: 'https://127.0.0.1' })).toBe(403);
  });
});
