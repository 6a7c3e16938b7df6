import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDemo } from '../../db/demo';
import { demoPaths } from '../../db/demo-files';
import type { FactImportView, PersonSearchResult, SweepView } from '../../shared/contract';
import { FACT_SOURCES } from '../../shared/domain/department-facts';
import { DEMO_PASSWORD } from '../../shared/demo';
import { deskFiles, expectOk, login, openDesk, tempDir } from './helpers';

describe('the demo county (打开演示县)', () => {
  it('opens the demo county on first start beside the real database, and leaving it deletes only the demo', async () => {
    const files = deskFiles(tempDir('desk-demo-'));
    const desk = openDesk(files, { demo: buildDemo });
    expect(expectOk<{ state: string }>(desk.call(null, 'setup.status', {}).result).state).toBe('uninitialized');
    const job = expectOk<{ id: string }>(desk.call(null, 'setup.openDemo', {}).result);
    const done = await desk.jobs.settled(job.id);
    expect(done.state, done.error ?? '').toBe('done');
    expect(expectOk(desk.call(null, 'setup.status', {}).result)).toMatchObject({ state: 'ready', demo: true, demoLeavable: true, county: { code: '320506' } });
    expect(existsSync(files.dbPath), 'the bureau database is never created by the demo').toBe(false);
    expect(readdirSync(demoPaths(join(files.dir, 'data')).dir).filter((f) => !f.startsWith('demo.db-')).sort(), 'built elsewhere, then moved in').toEqual(['demo.db', 'demo.key']);

    const session = login(desk, 'qiantai', DEMO_PASSWORD);
    const found = expectOk<PersonSearchResult>(desk.call(session, 'persons.search', { query: '王', page: 1, pageSize: 20 }).result);
    expect(found.items.length).toBeGreaterThan(0);
    // The policy road is there to follow: the departments' files, a finished sweep and its work list.
    const admin = login(desk, 'admin', DEMO_PASSWORD);
    const imports = expectOk<{ items: FactImportView[]; total: number }>(desk.call(admin, 'facts.imports', { page: 1, pageSize: 20 }).result);
    expect(new Set(imports.items.map((i) => i.source)).size).toBe(FACT_SOURCES.length);
    expect(expectOk<SweepView[]>(desk.call(session, 'policies.sweeps', {}).result).map((s) => s.finishedAt !== null)).toEqual([true]);
    expect(expectOk<{ total: number }>(desk.call(session, 'policies.findings', { page: 1, pageSize: 20 }).result).total).toBeGreaterThan(0);
    // Setting up the bureau's database is refused while the demo is open: leave it first.
    expect(desk.call(null, 'setup.initialize', { countyCode: '320506', adminUsername: 'boss', adminDisplayName: '王局长', password: 'Real-2026-desk' }).result.ok).toBe(false);

    // A restart finds the demo again.
    desk.close();
    const again = openDesk(files, { demo: buildDemo });
    expect(expectOk(again.call(null, 'setup.status', {}).result)).toMatchObject({ state: 'ready', demo: true });
    // A clerk signed in may not delete the demo others train on; the login screen (no session) may.
    const clerk = login(again, 'qiantai', DEMO_PASSWORD);
    expect(again.call(clerk, 'setup.leaveDemo', {}).result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: '只有系统管理员可以退出演示' } });
    expect(expectOk(again.call(null, 'setup.status', {}).result)).toMatchObject({ state: 'ready', demo: true });
    const left = again.call(null, 'setup.leaveDemo', {});
    expectOk(left.result);
    expect(left.session).toEqual({ clear: true });
    expect(expectOk<{ state: string }>(again.call(null, 'setup.status', {}).result).state).toBe('uninitialized');
    expect(existsSync(demoPaths(join(files.dir, 'data')).dir)).toBe(false);
    // … and the real setup works afterwards, and cannot be "left".
    expectOk(again.call(null, 'setup.initialize', { countyCode: '320506', adminUsername: 'boss', adminDisplayName: '王局长', password: 'Real-2026-desk' }).result);
    expect(again.call(null, 'setup.leaveDemo', {}).result.ok).toBe(false);
    expect(existsSync(files.dbPath)).toBe(true);
  }, 240_000);
});
