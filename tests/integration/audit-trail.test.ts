import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { AuditPage, PersonView } from '../../shared/contract';
import { activeUser, callsOf, lastAuditId, storedAudit, type Call } from './accounts-helpers';
import { expectError, expectOk, login, readyDesk, type ReadyDesk } from './helpers';
import { PERSON_A, PERSON_B } from './persons-data';

/**
 * Entries on two office days: A and B registered at 10:00 on 27 Nov (02:00Z),
 * A viewed at 23:59 (15:59Z), A's ID revealed at 01:30 on 28 Nov (17:30Z, still 27 Nov in UTC).
 */
function twoDays() {
  const ready = readyDesk();
  const a = expectOk<PersonView>(ready.call('persons.register', PERSON_A));
  const b = expectOk<PersonView>(ready.call('persons.register', PERSON_B));
  // The admin's session locks while the clock jumps ahead; a fresh login each time.
  ready.clock.advanceMinutes(13 * 60 + 59);
  let call: Call = callsOf(ready, login(ready.desk));
  expectOk(call('persons.get', { id: a.id }));
  ready.clock.advanceMinutes(91);
  call = callsOf(ready, login(ready.desk));
  expectOk(call('persons.reveal', { id: a.id, field: 'idNumber' }));
  return { ready, a, b, call };
}

function list(call: Call, filter: Record<string, unknown>): AuditPage {
  return expectOk<AuditPage>(call('audit.list', { pageSize: 200, ...filter }));
}

const actions = (page: AuditPage) => page.items.map((e) => e.action);

describe('audit.list filters', () => {
  it('filters by person, newest first', () => {
    const { a, b, call } = twoDays();
    const pageA = list(call, { personId: a.id });
    expect(actions(pageA)).toEqual(['persons.reveal', 'persons.view', 'persons.register']);
    expect(pageA.total).toBe(3);
    expect(pageA.items.every((e) => e.entityType === 'person' && e.entityId === String(a.id))).toBe(true);
    expect(actions(list(call, { personId: b.id }))).toEqual(['persons.register']);
  });

  it('takes from/to as office dates (Asia/Shanghai), so 17:30Z on the 27th belongs to the 28th', () => {
    const { a, call } = twoDays();
    const reveal = list(call, { personId: a.id, from: '2026-11-28' });
    expect(reveal.items.map((e) => [e.action, e.at])).toEqual([['persons.reveal', '2026-11-27T17:30:00.000Z']]);
    expect(actions(list(call, { personId: a.id, to: '2026-11-27' }))).toEqual(['persons.view', 'persons.register']);
    expect(actions(list(call, { personId: a.id, from: '2026-11-27', to: '2026-11-27' }))).toEqual(['persons.view', 'persons.register']);
    const day28 = list(call, { from: '2026-11-28', to: '2026-11-28' });
    expect(day28.items.length).toBeGreaterThan(0);
    expect(day28.items.every((e) => e.at >= '2026-11-27T16:00:00.000Z')).toBe(true);
    expect(actions(day28)).not.toContain('persons.view');
    expect(list(call, { personId: a.id, from: '2026-11-29' }).total).toBe(0);
  });

  it('filters by action and combines the filters', () => {
    const { ready, a, call } = twoDays();
    expect(list(call, { action: 'persons.register' }).items.map((e) => e.entityId)).toEqual(['2', '1']);
    expect(list(call, { action: 'persons.register', personId: a.id }).total).toBe(1);
    expect(list(call, { action: 'persons.reveal', to: '2026-11-27' }).total).toBe(0);
    const all = list(call, {});
    expect(all.total).toBe(storedAudit(ready).length);
    expect(all.items.find((e) => e.action === 'persons.register')).toMatchObject({ actionTitle: '登记人员', actorName: '王芳', actorUserId: 1 });
  });

  it('filters by the acting user', () => {
    const ready = readyDesk();
    const b = expectOk<PersonView>(ready.call('persons.register', PERSON_B));
    const counselor = activeUser(ready, 'liuyang', ['counselor'], '刘洋');
    expectOk(counselor.call('persons.get', { id: b.id }));
    const mine = list(ready.call, { actorUserId: counselor.user.id });
    expect(mine.items.every((e) => e.actorUserId === counselor.user.id && e.actorName === '刘洋')).toBe(true);
    expect(actions(mine)).toEqual(expect.arrayContaining(['persons.view', 'auth.changePassword']));
    expect(actions(list(ready.call, { actorUserId: 1 }))).toContain('persons.register');
    expect(actions(list(ready.call, { actorUserId: 1 }))).not.toContain('persons.view');
  });

  it('names the colleague who logged in as the actor of the login entry', () => {
    const ready = readyDesk();
    const counselor = activeUser(ready, 'liuyang', ['counselor'], '刘洋');
    const logins = list(ready.call, { action: 'auth.login' }).items.filter((e) => e.entityId === String(counselor.user.id));
    expect(logins).toHaveLength(1);
    expect(logins[0]).toMatchObject({ actorUserId: counselor.user.id, actorName: '刘洋' });
  });

  it('pages through the entries without gaps or overlaps', () => {
    const { ready, call } = twoDays();
    const total = storedAudit(ready).length;
    const seen: number[] = [];
    for (let page = 1; page <= Math.ceil(total / 3); page += 1) {
      const result = list(call, { page, pageSize: 3 });
      expect(result).toMatchObject({ total, page, pageSize: 3 });
      seen.push(...result.items.map((e) => e.id));
    }
    expect(seen).toEqual(storedAudit(ready).map((e) => e.id).reverse());
    expect(list(call, { page: 99, pageSize: 3 }).items).toEqual([]);
  });

  it('refuses an impossible date as bad input rather than failing inside', () => {
    const ready = readyDesk();
    const error = expectError(ready.call('audit.list', { from: '2026-13-01' }), 'BAD_INPUT');
    expect(error.fields?.from).toBeTruthy();
  });
});

async function readXlsx(base64: string): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(base64, 'base64') as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0]!;
  expect(sheet.name).toBe('审计日志');
  const rows: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row) => {
    rows.push(Array.from({ length: 7 }, (_, i) => String(row.getCell(i + 1).value ?? '')));
  });
  return rows;
}

type Export = { fileName: string; base64: string; rows: number };

function exportScenario(): { ready: ReadyDesk; a: PersonView } {
  const ready = readyDesk();
  const a = expectOk<PersonView>(ready.call('persons.register', PERSON_A));
  expectOk(ready.call('persons.register', PERSON_B));
  expectOk(ready.call('persons.get', { id: a.id }));
  expectOk(ready.call('persons.reveal', { id: a.id, field: 'idNumber' }));
  expectOk(ready.call('persons.reveal', { id: a.id, field: 'phone' }));
  expectOk(ready.call('persons.update', { id: a.id, version: 1, changes: { phone: '13700002222' }, reason: '本人要求更换号码' }));
  return { ready, a };
}

describe('audit.exportXlsx', () => {
  it('writes a real workbook with one row per entry, Chinese action titles and office times', async () => {
    const { ready } = exportScenario();
    const entries = storedAudit(ready);
    const result = expectOk<Export>(ready.call('audit.exportXlsx', {}));
    expect(result).toMatchObject({ fileName: '审计日志-2026-11-27.xlsx', rows: entries.length });
    const rows = await readXlsx(result.base64);
    expect(rows[0]).toEqual(['序号', '时间', '操作人', '操作', '对象', '对象编号', '说明']);
    expect(rows).toHaveLength(entries.length + 1);
    expect(rows.slice(1).map((r) => r[0])).toEqual(entries.map((e) => String(e.id)));
    const register = rows.find((r) => r[3] === '登记人员');
    expect(register?.slice(1, 6)).toEqual(['2026-11-27 10:00', '王芳', '登记人员', expect.stringMatching(/^人员档案 .+（\d{4}\*{10}\d{3}[\dX]）$/), '1']);
    expect(rows.slice(1).map((r) => r[3])).toEqual(
      expect.arrayContaining(['首次使用：创建本县数据库和管理员', '登录', '查看人员档案', '查看完整个人信息', '更正人员信息']),
    );
    expect(rows.slice(1).every((r) => /[\u4e00-\u9fff]/.test(r[3]!))).toBe(true);
    // The first run had no account behind it.
    expect(rows[1]?.[2]).toBe('系统');
  });

  it('exports only the entries matching the filter, and records the export itself', async () => {
    const { ready, a } = exportScenario();
    const before = lastAuditId(ready);
    const result = expectOk<Export>(ready.call('audit.exportXlsx', { personId: a.id }));
    const rows = await readXlsx(result.base64);
    expect(rows.slice(1).map((r) => r[3])).toEqual(['登记人员', '查看人员档案', '查看完整个人信息', '查看完整个人信息', '更正人员信息']);
    expect(rows.slice(1).every((r) => r[5] === String(a.id))).toBe(true);
    expect(result.rows).toBe(5);
    expect(storedAudit(ready, before)).toEqual([
      expect.objectContaining({ action: 'audit.exportXlsx', actorName: '王芳', detail: { filter: { personId: a.id }, rows: 5 } }),
    ]);
    const next = await readXlsx(expectOk<Export>(ready.call('audit.exportXlsx', { action: 'audit.exportXlsx' })).base64);
    expect(next.slice(1).map((r) => [r[2], r[3]])).toEqual([['王芳', '导出审计日志']]);
  });

  it('never holds an ID number or a phone number in clear', async () => {
    const { ready } = exportScenario();
    const text = (await readXlsx(expectOk<Export>(ready.call('audit.exportXlsx', {})).base64)).flat().join('\n');
    expect(text).toContain('查看完整个人信息');
    for (const secret of [PERSON_A.idNumber, PERSON_B.idNumber, '13912345678', PERSON_B.phone, '13700002222', '0115004X']) {
      expect(text).not.toContain(secret);
    }
  });

  it('is refused to front-desk staff', () => {
    const ready = readyDesk();
    const clerk = activeUser(ready, 'zhaolei', ['front_desk']);
    const before = lastAuditId(ready);
    expectError(clerk.call('audit.exportXlsx', {}), 'FORBIDDEN');
    expect(lastAuditId(ready)).toBe(before);
  });
});
