import { MAX_REQUEST_BYTES } from '../../shared/rpc';
import { mkdirSync, writeFileSync } from 'node:fs';
import { request, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { createHostServer } from '../../electron/host-server';
import { CONTENT_SECURITY_POLICY } from '../../electron/shell/csp';
import type { Desk } from '../../db/desk';
import { ADMIN, PASSWORD, deskFiles, openDesk, readyDesk, rowCounts, tempDir } from './helpers';
import { PERSON_A } from './persons-data';

const INDEX_HTML = '<!doctype html><title>desk-index-marker</title>';

interface Reply {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

interface Host {
  desk: Desk;
  origin: string;
  send(method: string, path: string, options?: { headers?: Record<string, string>; body?: string }): Promise<Reply>;
  rpc(payload: unknown, headers?: Record<string, string>): Promise<Reply>;
}

/**
 * The real host server on 127.0.0.1 and a free port, with a temp renderer
 * folder beside files that must stay out of reach. `initialized: false` skips
 * the first run (and its password hashing) where no account is needed.
 */
async function startHost({ initialized = true } = {}): Promise<Host> {
  const desk = initialized ? readyDesk({ login: false }).desk : openDesk(deskFiles());
  const root = tempDir('desk-host-');
  const rendererDir = join(root, 'renderer');
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), INDEX_HTML);
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log("app");');
  writeFileSync(join(root, 'package.json'), '{"secret":"outside-renderer"}');
  writeFileSync(join(root, 'renderer-secret.txt'), 'outside-renderer');

  const server: Server = createHostServer({ desk, rendererDir });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  onTestFinished(
    () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  );
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  const send: Host['send'] = (method, path, options = {}) =>
    new Promise((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, method, path, headers: options.headers ?? {} }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      });
      req.on('error', reject);
      req.end(options.body);
    });
  const rpc: Host['rpc'] = (payload, headers = {}) =>
    send('POST', '/rpc', { headers: { 'Content-Type': 'application/json', Origin: origin, ...headers }, body: JSON.stringify(payload) });
  return { desk, origin, send, rpc };
}

function cookieOf(reply: Reply): string {
  const header = reply.headers['set-cookie']?.[0] ?? '';
  return header.split(';')[0]!;
}

describe('the browser host: POST /rpc', () => {
  it('logs in with JSON and keeps the session in an HttpOnly, SameSite=Strict cookie', async () => {
    const host = await startHost();
    const reply = await host.rpc({ method: 'auth.login', input: { username: ADMIN, password: PASSWORD } }, { Origin: host.origin });
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: true, value: { username: ADMIN } });
    const setCookie = reply.headers['set-cookie']?.[0] ?? '';
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Strict/i);
    expect(reply.headers['cache-control']).toBe('no-store');

    const cookie = cookieOf(reply);
    const registered = await host.rpc({ method: 'persons.register', input: PERSON_A }, { Cookie: cookie });
    expect(JSON.parse(registered.body)).toMatchObject({ ok: true, value: { idNumberMasked: '3205**********004X' } });
    const anonymous = await host.rpc({ method: 'persons.search', input: { query: '' } });
    expect(JSON.parse(anonymous.body)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });

  it('refuses a body over the request limit with 413 and ok:false', async () => {
    const host = await startHost({ initialized: false });
    const reply = await host.rpc({ method: 'auth.login', input: { username: ADMIN, password: 'x'.repeat(MAX_REQUEST_BYTES + 10) } });
    expect(reply.status).toBe(413);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    expect(JSON.parse((await host.rpc({ method: 'setup.status', input: {} })).body)).toMatchObject({ ok: true });
  });

  it('answers a body just under the limit normally', async () => {
    const host = await startHost({ initialized: false });
    const reply = await host.rpc({ method: 'auth.login', input: { username: ADMIN, password: 'x'.repeat(1000 * 1024) } });
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', fields: { password: expect.any(String) } } });
  });

  it('refuses a request that is not JSON (a plain HTML form) with 415', async () => {
    const host = await startHost({ initialized: false });
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      const reply = await host.send('POST', '/rpc', { headers: { 'Content-Type': type, Origin: host.origin }, body: '{"method":"setup.status"}' });
      expect(reply.status, type).toBe(415);
      expect(JSON.parse(reply.body)).toMatchObject({ ok: false });
    }
  });

  it('refuses a call from another web page (foreign Origin) with 403 and writes nothing', async () => {
    const host = await startHost();
    const login = await host.rpc({ method: 'auth.login', input: { username: ADMIN, password: PASSWORD } });
    const before = rowCounts(host.desk);
    for (const origin of ['http://evil.example', 'null', host.origin.replace('127.0.0.1', 'localhost')]) {
      const reply = await host.rpc({ method: 'persons.register', input: PERSON_A }, { Cookie: cookieOf(login), Origin: origin });
      expect(reply.status, origin).toBe(403);
      expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    expect(rowCounts(host.desk)).toEqual(before);
  });

  it('refuses a call without an Origin header with 403 and writes nothing', async () => {
    const host = await startHost();
    const login = await host.rpc({ method: 'auth.login', input: { username: ADMIN, password: PASSWORD } });
    const before = rowCounts(host.desk);
    const reply = await host.send('POST', '/rpc', {
      headers: { 'Content-Type': 'application/json', Cookie: cookieOf(login) },
      body: JSON.stringify({ method: 'persons.register', input: PERSON_A }),
    });
    expect(reply.status).toBe(403);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: expect.stringContaining('Origin') } });
    expect(rowCounts(host.desk)).toEqual(before);
  });

  it('answers malformed JSON, a missing method and GET /rpc with errors, never a stack trace', async () => {
    const host = await startHost({ initialized: false });
    const broken = await host.send('POST', '/rpc', { headers: { 'Content-Type': 'application/json', Origin: host.origin }, body: '{"method":' });
    expect(broken.status).toBe(400);
    expect(JSON.parse(broken.body)).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    const noMethod = await host.rpc({ input: {} });
    expect(noMethod.status).toBe(400);
    const get = await host.send('GET', '/rpc');
    expect(get.status).toBe(405);
    for (const reply of [broken, noMethod, get]) expect(reply.body).not.toMatch(/\n\s+at /);
  });
});

describe('the browser host: DNS rebinding', () => {
  it('a page on another name that resolves to 127.0.0.1 cannot set up a fresh desk (421, no database, no recovery key)', async () => {
    const host = await startHost({ initialized: false });
    const port = new URL(host.origin).port;
    const reply = await host.rpc(
      { method: 'setup.initialize', input: { countyCode: '320506', adminUsername: 'evil', adminDisplayName: '攻击者', password: 'Attacker-123456' } },
      { Host: `evil.example:${port}`, Origin: `http://evil.example:${port}` },
    );
    expect(reply.status).toBe(421);
    expect(reply.body).not.toMatch(/recovery|[0-9A-F]{8}-[0-9A-F]{8}/);
    expect(host.desk.state().state).toBe('uninitialized');
    // The desk's own page still sets up normally.
    expect(JSON.parse((await host.rpc({ method: 'setup.status', input: {} })).body)).toMatchObject({ ok: true, value: { state: 'uninitialized' } });
  });

  it.each(['evil.example:PORT', '127.0.0.1.evil.example:PORT', 'localhost', '127.0.0.1:1', '127.0.0.1'])('does not serve the page to Host %j', async (name) => {
    const host = await startHost({ initialized: false });
    const reply = await host.send('GET', '/', { headers: { Host: name.replace('PORT', new URL(host.origin).port) } });
    expect(reply.status).toBe(421);
    expect(reply.body).not.toContain('desk-index-marker');
  });

  it('serves the loopback names it listens on: 127.0.0.1 and localhost at its port', async () => {
    const host = await startHost({ initialized: false });
    const port = new URL(host.origin).port;
    for (const name of ['127.0.0.1', 'localhost', 'LOCALHOST']) {
      const page = await host.send('GET', '/', { headers: { Host: `${name}:${port}` } });
      expect(page.body, name).toBe(INDEX_HTML);
    }
    const fromLocalhost = await host.rpc({ method: 'setup.status', input: {} }, { Host: `localhost:${port}`, Origin: `http://localhost:${port}` });
    expect(JSON.parse(fromLocalhost.body)).toMatchObject({ ok: true });
  });
});

describe('the browser host: static files', () => {
  it('serves index.html with the Content-Security-Policy', async () => {
    const host = await startHost({ initialized: false });
    const reply = await host.send('GET', '/');
    expect(reply.status).toBe(200);
    expect(reply.body).toBe(INDEX_HTML);
    expect(reply.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(reply.headers['x-content-type-options']).toBe('nosniff');
    expect(reply.headers['content-type']).toMatch(/^text\/html/);
  });

  it('serves built assets and falls back to index.html for app routes', async () => {
    const host = await startHost({ initialized: false });
    const asset = await host.send('GET', '/assets/app.js');
    expect(asset.body).toBe('console.log("app");');
    expect(asset.headers['content-type']).toMatch(/^text\/javascript/);
    expect(asset.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect((await host.send('GET', '/persons/12')).body).toBe(INDEX_HTML);
  });

  it.each([
    '/../package.json',
    '/..%2fpackage.json',
    '/%2e%2e/package.json',
    '/assets/..%2f..%2fpackage.json',
    '/..%2frenderer-secret.txt',
    '/..%5cpackage.json',
  ])('does not leave the renderer folder for %s', async (path) => {
    const host = await startHost({ initialized: false });
    const reply = await host.send('GET', path);
    expect(reply.body).not.toContain('outside-renderer');
  });

  it.each(['//', '/%E0%A4%A', '/%'])('answers %s, which is no path, with 400 and keeps serving', async (path) => {
    const host = await startHost({ initialized: false });
    const reply = await host.send('GET', path);
    expect(reply.status).toBe(400);
    expect(reply.body).toBe('无效的地址');
    expect((await host.send('GET', '/')).status).toBe(200);
  });
});
