import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AuditPage, CaseView } from '../../shared/contract';
import { AUDIT_DETAIL_LABELS } from '../../shared/labels/audit-detail';
import { AUDIT_ENTITY_LABELS } from '../../db/services/audit-entities';
import { activeUser } from './accounts-helpers';
import { UNEMPLOYMENT_DOCS, UNEMPLOYMENT_FORM, actOk, createCase, registerPerson } from './cases-helpers';
import { expectOk, readyDesk } from './helpers';

/** A method name (persons.register), a row number (case #304) or JSON: what the head must never have to read. */
const RAW = [/\b[a-z]+\.[a-z][A-Za-z]+\b/, /#\d/, /[{}"]/, /\b(person|case|user|enterprise)\b/];

describe('the audit log as the head reads it', () => {
  it('names who and what in Chinese — the person masked, the case by its receipt — with the detail in words, never JSON or codes', () => {
    const ready = readyDesk();
    const personId = registerPerson(ready);
    const draft = createCase(ready.call, personId, 'unemployment_registration', UNEMPLOYMENT_FORM, UNEMPLOYMENT_DOCS);
    actOk(ready.call, draft, 'accept');
    activeUser(ready, 'lina', ['reviewer'], '李娜');
    expectOk(ready.call('registrations.forPerson', { personId }));

    const page = expectOk<AuditPage>(ready.call('audit.list', { page: 1, pageSize: 50 }));
    const byAction = new Map(page.items.map((e) => [e.action, e]));
    expect(byAction.get('persons.register')?.entityLabel).toMatch(/^人员档案 张三（3205\*{10}\d{3}[\dX]）$/);
    // Named as it stands now: the draft has since been accepted and has its receipt number.
    const accepted = expectOk<CaseView>(ready.call('cases.get', { id: draft.id }));
    expect(byAction.get('cases.create')).toMatchObject({ entityLabel: `业务 失业登记 ${accepted.receiptNo}`, detailText: `业务类型：失业登记；人员编号：${personId}` });
    expect(byAction.get('cases.transition')).toMatchObject({ entityLabel: `业务 失业登记 ${accepted.receiptNo}` });
    expect(byAction.get('cases.transition')!.detailText).toBe('操作：受理；带来的变更：无；原状态：草稿；改为：已受理');
    expect(byAction.get('users.create')).toMatchObject({ entityLabel: '账号 李娜（lina）', detailText: '角色：审核员；用户名：lina' });
    for (const entry of page.items) {
      for (const raw of RAW) {
        expect(`${entry.entityLabel ?? ''} ${entry.detailText}`, `${entry.actionTitle}`).not.toMatch(raw);
      }
    }
  });

  it('has a Chinese name for every item the services write into an entry and every kind of thing they name', () => {
    const dir = join(__dirname, '../../db/services');
    const keys = new Set<string>();
    const kinds = new Set<string>();
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
      const source = readFileSync(join(dir, file), 'utf8');
      for (const [, body] of source.matchAll(/detail: \{([^}]*)\}/g)) {
        for (const [, key] of body!.matchAll(/(?:^|,)\s*(\w+)\s*(?=[:,]|$)/g)) keys.add(key!);
      }
      for (const [, kind] of source.matchAll(/entityType: '(\w+)'/g)) kinds.add(kind!);
    }
    const summarised = new Set(['after', 'before', 'mapping', 'sha256', 'sm3']);
    expect([...keys].filter((k) => !AUDIT_DETAIL_LABELS[k] && !summarised.has(k)).sort()).toEqual([]);
    expect([...kinds].filter((k) => !AUDIT_ENTITY_LABELS[k]).sort()).toEqual([]);
  });
});
