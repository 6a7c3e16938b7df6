import { request as httpRequest } from 'node:http';
import { describe, expect, it } from 'vitest';
import { makeSelfSignedCertificate } from '../../db/office-certificate';
import { pairWorkstation } from '../../electron/workstation-pairing';
import type { PersonSearchResult, PersonView, WorkstationView } from '../../shared/contract';
import { ADMIN, PASSWORD, expectError, expectOk, keyedConnection } from './helpers';
import { pairedWorkstation, startOfficeHost, workstationFor } from './office-helpers';
import { PERSON_A } from './persons-data';

/**
 * 办公室模式 on loopback: one office host (a real encrypted database, real
 * TLS) and workstations that pair with it and work through it, as a hall's
 * windows would.
 */
describe('office host and workstations', () => {
  it('two workstations pair with one-time codes and work on the one database; the audit names the workstation', async () => {
    const host = await startOfficeHost();
    expect(host.status.fingerprint).toMatch(/^([0-9A-F]{4} ){7}[0-9A-F]{4}\n([0-9A-F]{4} ){7}[0-9A-F]{4}$/);
    const front = await pairedWorkstation(host, '前台1号窗口');
    const counter = await pairedWorkstation(host, '前台2号窗口');

    expectOk(await front.call('auth.login', { username: ADMIN, password: PASSWORD }));
    const registered = expectOk<PersonView>(await front.call('persons.register', PERSON_A));
    expectOk(await counter.call('auth.login', { username: ADMIN, password: PASSWORD }));
    const found = expectOk<PersonSearchResult>(await counter.call('persons.search', { query: PERSON_A.name }));
    expect(found.items.map((p) => p.id)).toContain(registered.id);

    const { sqlite } = host.ready.desk.database();
    const register = sqlite.prepare(`select workstation_id as ws from audit_log where action = 'persons.register'`).get() as { ws: number };
    expect(register.ws).toBe(front.config.workstationId);
    const logins = sqlite.prepare(`select workstation_id as ws, detail from audit_log where action = 'auth.login' order by id`).all() as Array<{ ws: number | null; detail: string }>;
    expect(logins.at(-1)!.ws).toBe(counter.config.workstationId);
    expect(logins.at(-1)!.detail).toContain('前台2号窗口');
    const page = expectOk<{ items: Array<{ action: string; workstation: string | null }> }>(host.ready.call('audit.list', { page: 1, pageSize: 50 }));
    expect(page.items.find((e) => e.action === 'persons.register')?.workstation).toBe('前台1号窗口');
    expect(page.items.find((e) => e.action === 'office.switchOn')?.workstation).toBeNull();
    // The chain still checks with the workstation in it.
    expect(expectOk<{ ok: boolean }>(host.ready.call('audit.verify', {})).ok).toBe(true);

    const listed = expectOk<WorkstationView[]>(host.ready.call('office.workstations', {}));
    expect(listed.map((w) => [w.name, w.sessions, w.pairedFrom])).toEqual([
      ['前台1号窗口', 1, '127.0.0.1'],
      ['前台2号窗口', 1, '127.0.0.1'],
    ]);
  });

  it('refuses pairing without the code, with a wrong, a used or an expired code', async () => {
    const host = await startOfficeHost();
    const pair = (code: string) => pairWorkstation({ host: '127.0.0.1', port: host.port, fingerprint: host.certificate.fingerprint, code, name: '窗口' });

    const none = await pair('');
    expect(!none.ok && none.error.fields?.code).toBe('请输入配对码');
    const wrong = await pair('0000-0000');
    expect(!wrong.ok && wrong.error.message).toContain('配对码不正确');

    const code = host.issueCode();
    expect((await pair(code)).ok).toBe(true);
    const used = await pair(code);
    expect(!used.ok && used.error.message).toContain('已使用过');

    const late = host.issueCode();
    host.ready.clock.advanceMinutes(11);
    const expired = await pair(late);
    expect(!expired.ok && expired.error.message).toContain('已过期');

    // Without a credential nothing but pairing is answered.
    const stranger = workstationFor({ mode: 'workstation', host: '127.0.0.1', port: host.port, fingerprint: host.certificate.fingerprint, workstationId: 0, name: '?', credential: 'made-up' });
    expectError(await stranger.call('auth.login', { username: ADMIN, password: PASSWORD }), 'WORKSTATION_REFUSED');
  });

  it('slows down pairing guesses from one address', async () => {
    const host = await startOfficeHost();
    const pair = (code: string) => pairWorkstation({ host: '127.0.0.1', port: host.port, fingerprint: host.certificate.fingerprint, code, name: '窗口' });
    for (let i = 0; i < 11; i += 1) expect((await pair(`1111-${String(i).padStart(4, '0')}`)).ok).toBe(false);
    const real = await pair(host.issueCode());
    expect(!real.ok && real.error.message).toMatch(/配对失败次数过多，请 \d+ 秒后再试/);
  });

  it('refuses a host that shows another certificate, before sending anything', async () => {
    const host = await startOfficeHost();
    const front = await pairedWorkstation(host, '前台1号窗口');
    expectOk(await front.call('auth.login', { username: ADMIN, password: PASSWORD }));
    const servedBefore = host.served.length;

    // Someone else answers at the host's address with a certificate of their own.
    await host.stop();
    await host.start(makeSelfSignedCertificate(['127.0.0.1'], new Date()));
    const refused = expectError(await front.call('persons.search', { query: PERSON_A.name }), 'HOST_CERTIFICATE_CHANGED');
    expect(refused.message).toContain('证书');
    expect(refused.message).toContain('指纹');
    expect(host.served.length).toBe(servedBefore);
  });

  it('a revoked workstation is refused at its next call, mid-session; the other goes on', async () => {
    const host = await startOfficeHost();
    const front = await pairedWorkstation(host, '前台1号窗口');
    const counter = await pairedWorkstation(host, '前台2号窗口');
    expectOk(await front.call('auth.login', { username: ADMIN, password: PASSWORD }));
    expectOk(await counter.call('auth.login', { username: ADMIN, password: PASSWORD }));
    expectOk(await front.call('persons.search', { query: '李' }));

    expectOk(host.ready.call('office.revoke', { id: front.config.workstationId, reason: '电脑报废' }));
    const refused = expectError(await front.call('persons.search', { query: '李' }), 'WORKSTATION_REFUSED');
    expect(refused.message).toContain('已被系统管理员撤销');
    expectError(await front.call('auth.login', { username: ADMIN, password: PASSWORD }), 'WORKSTATION_REFUSED');
    expectOk(await counter.call('persons.search', { query: '李' }));

    const listed = expectOk<WorkstationView[]>(host.ready.call('office.workstations', {}));
    expect(listed.find((w) => w.id === front.config.workstationId)).toMatchObject({ revokedByName: '王芳', sessions: 0 });
  });

  it('a workstation revoked by another connection of the database is refused at its next call too', async () => {
    // The door keeps a workstation it let in until anything is written: a commit by
    // another connection (a job thread, a restore) must count as a write.
    const host = await startOfficeHost();
    const front = await pairedWorkstation(host, '前台1号窗口');
    expectOk(await front.call('auth.login', { username: ADMIN, password: PASSWORD }));
    expectOk(await front.call('persons.search', { query: '李' }));
    expectOk(await front.call('persons.search', { query: '王' }));
    const other = keyedConnection(host.ready.dbPath, host.ready.keyFile);
    other.prepare(`update workstations set revoked_at = ?, revoked_by = 1 where id = ?`).run(new Date().toISOString(), front.config.workstationId);
    expect(expectError(await front.call('persons.search', { query: '李' }), 'WORKSTATION_REFUSED').message).toContain('已被系统管理员撤销');
  });

  it("a session started at one workstation is no session at another", async () => {
    const host = await startOfficeHost();
    const front = await pairedWorkstation(host, '前台1号窗口');
    const counter = await pairedWorkstation(host, '前台2号窗口');
    expectOk(await front.call('auth.login', { username: ADMIN, password: PASSWORD }));
    counter.session = front.session;
    expectError(await counter.call('persons.search', { query: '李' }), 'UNAUTHENTICATED');
    // …nor on the host's own window.
    expectError(host.ready.desk.call(front.session, 'persons.search', { query: '李' }).result, 'UNAUTHENTICATED');
  });

  it('wrong passwords are limited per workstation: the same account still logs in at another', async () => {
    const host = await startOfficeHost();
    const front = await pairedWorkstation(host, '前台1号窗口');
    const counter = await pairedWorkstation(host, '前台2号窗口');
    for (let i = 0; i < 4; i += 1) expectError(await front.call('auth.login', { username: ADMIN, password: 'wrong-password-1' }), 'LOGIN_FAILED');
    const waiting = expectError(await front.call('auth.login', { username: ADMIN, password: PASSWORD }), 'LOGIN_FAILED');
    expect(waiting.message).toContain('本终端请');
    expectOk(await counter.call('auth.login', { username: ADMIN, password: PASSWORD }));
  });

  it('answers plain HTTP on the office port with a refusal, never the contract', async () => {
    const host = await startOfficeHost();
    const reply = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = httpRequest({ host: '127.0.0.1', port: host.port, method: 'POST', path: '/rpc', headers: { 'Content-Type': 'application/json' } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      });
      req.on('error', reject);
      req.end(JSON.stringify({ method: 'auth.login', input: { username: ADMIN, password: PASSWORD } }));
    });
    expect(reply.status).toBe(400);
    expect(reply.body).toContain('只接受加密连接（HTTPS）');
    expect(host.served).toEqual([]);
  });

  it('says plainly when the host cannot be reached, and reconnects by itself when it is back', async () => {
    const host = await startOfficeHost();
    const front = await pairedWorkstation(host, '前台1号窗口');
    expectOk(await front.call('auth.login', { username: ADMIN, password: PASSWORD }));
    await host.stop();
    const down = expectError(await front.call('persons.search', { query: '李' }), 'HOST_UNREACHABLE');
    expect(down.message).toContain(`127.0.0.1:${host.port}`);
    await host.start();
    // Same client, same staff session: nothing to do at the workstation.
    expectOk(await front.call('persons.search', { query: '李' }));
  });

  it('never sends a write twice when its connection dies unanswered: the clerk is told to look first; a read is simply asked again', async () => {
    const host = await startOfficeHost();
    const front = await pairedWorkstation(host, '前台1号窗口');
    expectOk(await front.call('auth.login', { username: ADMIN, password: PASSWORD }));
    // The host saves the registration and dies before it answers (the connection was kept from the login).
    host.dropNextAnswer();
    const lost = expectError(await front.call('persons.register', PERSON_A), 'HOST_UNREACHABLE');
    expect(lost.message).toContain('可能已经保存，也可能没有');
    const { sqlite } = host.ready.desk.database();
    expect(sqlite.prepare('select count(*) as n from persons').get()).toEqual({ n: 1 });
    expect(sqlite.prepare(`select count(*) as n from audit_log where action = 'persons.register'`).get()).toEqual({ n: 1 });
    // Looking is safe to repeat: a search whose kept connection dies is asked again and answered.
    expectOk(await front.call('persons.search', { query: PERSON_A.name }));
    host.dropNextAnswer();
    expect(expectOk<PersonSearchResult>(await front.call('persons.search', { query: PERSON_A.name })).items).toHaveLength(1);
  });

  it('office mode is switched on and pairing codes are issued on the host only', async () => {
    const host = await startOfficeHost();
    const front = await pairedWorkstation(host, '前台1号窗口');
    expectOk(await front.call('auth.login', { username: ADMIN, password: PASSWORD }));
    expect(expectError(await front.call('office.issuePairingCode', {}), 'FORBIDDEN').message).toContain('办公室主机本机');
    expectError(host.ready.call('office.pair', { code: host.issueCode(), name: '本机' }), 'FORBIDDEN');
    expectOk(host.ready.call('office.switchOff', {}));
    const off = expectError(await front.call('persons.search', { query: '李' }), 'WORKSTATION_REFUSED');
    expect(off.message).toContain('未开启办公室主机');
  });
});
