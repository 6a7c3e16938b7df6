import { existsSync, readdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { attachmentFilesToBackUp } from '../../db/attachment-store';
import type { AttachmentContent, CaseView } from '../../shared/contract';
import { MAX_ATTACHMENT_BYTES } from '../../shared/domain/attachment-files';
import { act, actOk, createCase, footprint, registerPerson, UNEMPLOYMENT_FORM } from './cases-helpers';
import { expectError, expectOk, readyDesk, type ReadyDesk } from './helpers';
import { idNumber, rows } from './registry-helpers';

/** A 1×1 PNG and a one-line PDF, as a phone photo and a scanner would hand them in. */
export const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==', 'base64');
export const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

function attach(ready: ReadyDesk, view: Pick<CaseView, 'id' | 'version'>, documentCode: string, fileName: string, content: Buffer) {
  return ready.call('cases.attach', { caseId: view.id, version: view.version, documentCode, fileName, contentBase64: content.toString('base64') });
}

function storedFiles(ready: ReadyDesk): string[] {
  const root = join(dirname(ready.dbPath), 'attachments');
  if (!existsSync(root)) return [];
  return readdirSync(root, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

describe('attachments of a case', () => {
  it('stores an upload under its SHA-256 in the data folder, ticks its document and reads it back verified', () => {
    const ready = readyDesk();
    const draft = createCase(ready.call, registerPerson(ready), 'unemployment_registration', UNEMPLOYMENT_FORM, ['id_card']);
    const withScan = expectOk<CaseView>(attach(ready, draft, 'self_declaration', '告知承诺书.pdf', PDF));
    // The scanned declaration counts as received, so the case can now be accepted.
    expect(withScan.documents.find((d) => d.code === 'self_declaration')?.received).toBe(true);
    expect(withScan.version).toBe(draft.version + 1);
    expect(withScan.attachments).toEqual([
      expect.objectContaining({ documentCode: 'self_declaration', documentLabel: '告知承诺书', fileName: '告知承诺书.pdf', mediaType: 'application/pdf', sizeBytes: PDF.length, sha256: sha(PDF), state: 'active', uploadedByName: '王芳' }),
    ]);
    const path = join(dirname(ready.dbPath), 'attachments', sha(PDF).slice(0, 2), sha(PDF));
    // Encrypted at rest like the database: the stored bytes are neither the file nor contain it.
    const stored = readFileSync(path);
    expect(stored.length).toBeGreaterThan(PDF.length);
    expect(stored.includes(PDF.subarray(0, 16))).toBe(false);
    expect(stored.includes(PDF.subarray(PDF.length - 16))).toBe(false);
    const read = expectOk<AttachmentContent>(ready.call('cases.readAttachment', { id: withScan.attachments[0]!.id }));
    expect(Buffer.from(read.contentBase64, 'base64').equals(PDF)).toBe(true);
    expect(read).toMatchObject({ fileName: '告知承诺书.pdf', mediaType: 'application/pdf', sha256: sha(PDF) });
    expect(actOk(ready.call, withScan, 'accept').state).toBe('accepted');
    // Both the upload and the viewing are in the audit trail, without the file name (it may carry a name).
    const audit = rows(ready, `select action, detail from audit_log where action in ('cases.attach', 'cases.readAttachment') order by id`);
    expect(audit.map((a) => a.action)).toEqual(['cases.attach', 'cases.readAttachment']);
    expect(JSON.stringify(audit)).not.toContain('告知承诺书.pdf');
  });

  it('keeps the same file once on disk however often it is handed in, and lists it for the backup', () => {
    const ready = readyDesk();
    const first = createCase(ready.call, registerPerson(ready), 'unemployment_registration', UNEMPLOYMENT_FORM, []);
    const once = expectOk<CaseView>(attach(ready, first, 'id_card', '身份证正面.png', PNG));
    const twice = expectOk<CaseView>(attach(ready, once, 'other', '身份证（复印）.png', PNG));
    expect(twice.attachments).toHaveLength(2);
    expect(storedFiles(ready)).toHaveLength(1);
    // The same file for the same document again is pointless: refused, nothing written.
    const before = footprint(ready, first.id);
    expect(expectError(attach(ready, twice, 'id_card', '身份证正面.png', PNG), 'DUPLICATE').message).toContain('已作为同一材料上传过');
    expect(footprint(ready, first.id)).toEqual(before);
    // No stray temporary file is left beside it.
    expect(storedFiles(ready).some((f) => f.endsWith('.tmp'))).toBe(false);
    expect(attachmentFilesToBackUp(ready.desk.database(), dirname(ready.dbPath))).toEqual(storedFiles(ready));
  });

  it('refuses a file that is not PDF, JPG or PNG by its content, whatever its name says, and one over 10 MB', () => {
    const ready = readyDesk();
    const draft = createCase(ready.call, registerPerson(ready), 'unemployment_registration', UNEMPLOYMENT_FORM, []);
    const before = footprint(ready, draft.id);
    const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200)]);
    expect(expectError(attach(ready, draft, 'id_card', '身份证.png', exe), 'BAD_INPUT').message).toBe('文件“身份证.png”不是 PDF、JPG 或 PNG 文件（按文件内容判断，与扩展名无关），不能作为附件');
    const big = Buffer.concat([PNG, Buffer.alloc(MAX_ATTACHMENT_BYTES + 1 - PNG.length)]);
    expect(expectError(attach(ready, draft, 'id_card', '扫描件.png', big), 'BAD_INPUT').message).toBe('文件“扫描件.png”大小为 10 MB，超过上限 10 MB');
    // Far past the limit, the contract refuses it before it is decoded at all.
    const huge = ready.call('cases.attach', { caseId: draft.id, version: draft.version, documentCode: 'id_card', fileName: 'x.png', contentBase64: 'A'.repeat(14 * 1024 * 1024) });
    expect(expectError(huge, 'BAD_INPUT').message).toContain('10 MB');
    expect(expectError(attach(ready, draft, 'labour_contract', '合同.pdf', PDF), 'BAD_INPUT').message).toBe('“labour_contract”不是失业登记的材料');
    expect(footprint(ready, draft.id)).toEqual(before);
    expect(storedFiles(ready)).toEqual([]);
  });

  it('refuses uploads once the case is accepted, and removal after acceptance; a draft removal keeps the row and unticks', () => {
    const ready = readyDesk();
    const draft = createCase(ready.call, registerPerson(ready), 'unemployment_registration', UNEMPLOYMENT_FORM, ['self_declaration']);
    const wrong = expectOk<CaseView>(attach(ready, draft, 'id_card', '别人的身份证.jpg', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3])));
    expect(expectError(ready.call('cases.removeAttachment', { caseId: wrong.id, version: wrong.version, attachmentId: wrong.attachments[0]!.id, reason: '  ' }), 'BAD_INPUT').message).toContain('移除原因');
    const removed = expectOk<CaseView>(ready.call('cases.removeAttachment', { caseId: wrong.id, version: wrong.version, attachmentId: wrong.attachments[0]!.id, reason: '传错了人' }));
    expect(removed.attachments[0]).toMatchObject({ state: 'removed', removedReason: '传错了人' });
    expect(removed.documents.find((d) => d.code === 'id_card')?.received).toBe(false);
    // Without the ID the case cannot be accepted (the checklist still decides).
    expect(expectError(act(ready.call, removed, 'accept'), 'BAD_INPUT').message).toBe('缺少必需材料：身份证或社保卡，不能「受理」');
    const accepted = actOk(ready.call, expectOk<CaseView>(attach(ready, removed, 'id_card', '身份证.png', PNG)), 'accept');
    const before = footprint(ready, accepted.id);
    expect(expectError(attach(ready, accepted, 'other', '补充.pdf', PDF), 'CONFLICT').message).toBe('业务处于「已受理」状态，不能再上传附件（仅限草稿或退回补正）');
    const active = accepted.attachments.find((a) => a.state === 'active')!;
    expect(expectError(ready.call('cases.removeAttachment', { caseId: accepted.id, version: accepted.version, attachmentId: active.id, reason: '不要了' }), 'CONFLICT').message).toContain('不能移除');
    expect(footprint(ready, accepted.id)).toEqual(before);
    // The database itself refuses to delete one.
    expect(() => ready.desk.database().sqlite.prepare('delete from case_attachments').run()).toThrow('附件不能删除');
    // Returned for 补正, the front desk may add the missing proof again.
    const returned = actOk(ready.call, accepted, 'return', '请补充解除劳动关系证明');
    expect(expectOk<CaseView>(attach(ready, returned, 'termination_proof', '解除证明.pdf', PDF)).attachments).toHaveLength(3);
  });

  it('refuses a stale version like any other write', () => {
    const ready = readyDesk();
    const draft = createCase(ready.call, registerPerson(ready), 'unemployment_registration', UNEMPLOYMENT_FORM, []);
    expectOk(attach(ready, draft, 'id_card', '身份证.png', PNG));
    expect(expectError(attach(ready, draft, 'self_declaration', '承诺书.pdf', PDF), 'CONFLICT').message).toBe('该业务已被他人办理或修改，请刷新后重试');
  });

  it('says plainly when the stored file has been changed or is missing, instead of showing it', () => {
    const ready = readyDesk();
    const draft = createCase(ready.call, registerPerson(ready), 'unemployment_registration', UNEMPLOYMENT_FORM, []);
    const view = expectOk<CaseView>(attach(ready, draft, 'id_card', '身份证.png', PNG));
    const [path] = storedFiles(ready);
    writeFileSync(path!, Buffer.concat([PNG, Buffer.from('tampered')]));
    const changed = expectError(ready.call('cases.readAttachment', { id: view.attachments[0]!.id }), 'CONFLICT');
    expect(changed.message).toBe('附件“身份证.png”的文件已被改动（SHA-256 与登记时不一致），不能作为原件查看，请从备份恢复');
    unlinkSync(path!);
    expect(expectError(ready.call('cases.readAttachment', { id: view.attachments[0]!.id }), 'NOT_FOUND').message).toContain('附件“身份证.png”的文件在数据文件夹中找不到');
    // Handing the good file in again repairs the stored copy.
    const other = createCase(ready.call, registerPerson(ready, { idNumber: idNumber('320506', '1991-02-03', '015'), name: '王强' }), 'unemployment_registration', UNEMPLOYMENT_FORM, []);
    expectOk(attach(ready, other, 'id_card', '身份证.png', PNG));
    expect(expectOk<AttachmentContent>(ready.call('cases.readAttachment', { id: view.attachments[0]!.id })).sha256).toBe(sha(PNG));
  });
});

describe('editing a draft on the case page (cases.update)', () => {
  it('saves the form and ticks of a draft, checking values by the rules of creation', () => {
    const ready = readyDesk();
    const draft = createCase(ready.call, registerPerson(ready), 'unemployment_registration', { unemployedSince: '2026-10-31' }, []);
    const before = footprint(ready, draft.id);
    const bad = expectError(ready.call('cases.update', { id: draft.id, version: draft.version, form: { ...UNEMPLOYMENT_FORM, unemployedSince: '2026-02-30', drawingUnemploymentInsurance: 'maybe' }, documents: [] }), 'BAD_INPUT');
    expect(bad.message).toBe('失业日期“2026-02-30”不是有效日期（应为YYYY-MM-DD）；是否领取失业保险金应为“是”或“否”');
    expect(expectError(ready.call('cases.update', { id: draft.id, version: draft.version, form: UNEMPLOYMENT_FORM, documents: ['business_license'] }), 'BAD_INPUT').message).toContain('不属于该业务的材料');
    expect(footprint(ready, draft.id)).toEqual(before);
    const saved = expectOk<CaseView>(ready.call('cases.update', { id: draft.id, version: draft.version, form: { ...UNEMPLOYMENT_FORM, jobWanted: '仓储管理' }, documents: ['id_card', 'self_declaration'] }));
    expect(saved.form).toMatchObject({ unemploymentCause: 'contract_expired', jobWanted: '仓储管理' });
    expect(saved.version).toBe(draft.version + 1);
    // The screen that loaded version 1 is told the case changed meanwhile.
    expect(expectError(ready.call('cases.update', { id: draft.id, version: draft.version, form: UNEMPLOYMENT_FORM, documents: [] }), 'CONFLICT').message).toBe('该业务已被他人办理或修改，请刷新后重试');
    expect(actOk(ready.call, saved, 'accept').state).toBe('accepted');
  });

  it('keeps a document with a file attached received, and refuses edits once the case is accepted', () => {
    const ready = readyDesk();
    const draft = createCase(ready.call, registerPerson(ready), 'unemployment_registration', UNEMPLOYMENT_FORM, ['self_declaration']);
    const withId = expectOk<CaseView>(attach(ready, draft, 'id_card', '身份证.png', PNG));
    const saved = expectOk<CaseView>(ready.call('cases.update', { id: withId.id, version: withId.version, form: UNEMPLOYMENT_FORM, documents: ['self_declaration'] }));
    expect(saved.documents.filter((d) => d.received).map((d) => d.code)).toEqual(['id_card', 'self_declaration']);
    const accepted = actOk(ready.call, saved, 'accept');
    const before = footprint(ready, accepted.id);
    const refused = expectError(ready.call('cases.update', { id: accepted.id, version: accepted.version, form: UNEMPLOYMENT_FORM, documents: [] }), 'CONFLICT');
    expect(refused.message).toBe('业务处于「已受理」状态，不能修改表单和材料（仅限草稿或退回补正）');
    expect(footprint(ready, accepted.id)).toEqual(before);
  });
});
