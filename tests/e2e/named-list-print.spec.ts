import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { officeDate } from '../../shared/domain/dates';
import { idNumberCheckChar } from '../../shared/domain/id-number';
import { periodOf } from '../../shared/domain/statistics';
import { expect, test } from './host-fixture';
import { completeFirstRun, createUser, logIn, logInWithForcedChange, logOut, printAndRead } from './pages';

/**
 * A printed 实名制台账 longer than one page (issue 22, fault 4): read back with
 * pdftotext -layout, every page starts with the header row, and every person
 * prints on one line of their own — name, masked ID number and 办结日期 whole,
 * never broken across lines, whether the name has two characters or five.
 */

const PERSONS = 45;
const SURNAMES = ['李', '王', '欧阳', '司马', '张', '诸葛'];
const GIVEN = ['娜', '建国', '小红', '文', '晓明', '丽'];

/** Many RPC calls in one round trip from the page, in order; the first refusal throws with the desk's message. */
async function rpcAll(page: Page, calls: Array<{ method: string; input: unknown }>): Promise<unknown[]> {
  return page.evaluate(async (calls) => {
    const values: unknown[] = [];
    for (const { method, input } of calls) {
      const answer = (await (await fetch('rpc', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ method, input }) })).json()) as { ok: boolean; value?: unknown; error?: { message: string } };
      if (!answer.ok) throw new Error(`${method}: ${answer.error?.message}`);
      values.push(answer.value);
    }
    return values;
  }, calls);
}

function idNumber(n: number): string {
  const first17 = `32050619${80 + (n % 15)}0${1 + (n % 9)}1${n % 10}${String(100 + n).slice(-3)}`;
  return first17 + idNumberCheckChar(first17);
}

test('a named list of several pages prints its header row on every page and each person on one line', async ({ page, host }) => {
  test.setTimeout(120_000);
  await page.goto(host.url);
  await completeFirstRun(page, { city: '苏州市', county: '吴中区（320506）', username: 'admin', displayName: '王管理', password: 'Admin-2026-pass', alsoFrontDesk: true });
  await logIn(page, 'admin', 'Admin-2026-pass');
  await createUser(page, { username: 'zhang', displayName: '张局长', roles: ['局领导/中心主任'], password: 'Temp-pass-1' });

  const names = Array.from({ length: PERSONS }, (_, i) => `${SURNAMES[i % SURNAMES.length]}${GIVEN[Math.floor(i / SURNAMES.length) % GIVEN.length]}${i >= 36 ? '华' : ''}`);
  const persons = (await rpcAll(page, names.map((name, i) => ({ method: 'persons.register', input: { idNumber: idNumber(i), name, phone: `139${String(10000000 + i)}` } })))) as Array<{ id: number }>;
  const drafts = (await rpcAll(page, persons.map((p) => ({
    method: 'cases.create',
    input: { personId: p.id, caseType: 'unemployment_registration', form: { unemployedSince: '2026-10-31', unemploymentCause: 'contract_expired', drawingUnemploymentInsurance: 'no' }, documents: ['id_card', 'self_declaration'] },
  })))) as Array<{ id: number; version: number }>;
  const accepted = (await rpcAll(page, drafts.map((d) => ({ method: 'cases.transition', input: { id: d.id, version: d.version, action: 'accept' } })))) as Array<{ id: number; version: number }>;
  await logOut(page);

  await logInWithForcedChange(page, 'zhang', 'Temp-pass-1', 'Zhang-own-pass-9');
  const inReview = (await rpcAll(page, accepted.map((c) => ({ method: 'cases.transition', input: { id: c.id, version: c.version, action: 'start_review' } })))) as Array<{ id: number; version: number }>;
  await rpcAll(page, inReview.map((c) => ({ method: 'cases.transition', input: { id: c.id, version: c.version, action: 'approve' } })));

  const period = periodOf(officeDate(new Date()));
  await page.goto(`${host.url}#/reports/list?period=${period}&figure=new_unemployment`);
  await expect(page.getByTestId('named-list')).toContainText(`共 ${PERSONS} 人`);
  const printed = await printAndRead(page, 'named-list-pages.pdf');
  execFileSync('pdftoppm', ['-png', '-r', '60', join('test-results', 'named-list-pages.pdf'), join('test-results', 'named-list-pages')]);

  const pages = printed.split('\f').filter((p) => p.trim() !== '');
  expect(pages.length, 'the list runs over more than one page').toBeGreaterThan(1);
  const header = /^\s*序号\s+姓名\s+性别\s+年龄\s+身份证号\s+手机号码\s+文化程度\s+居住乡镇（街道）\s+业务编号\s+办结日期\s*$/;
  const row = /^\s*(\d+)\s+(\S{2,5})\s+[男女]\s+\d+\s+3205\*{10}\d{3}[\dX]\s+139\*{4}\d{4}\s+\S+\s+\S+\s+320506-\d{4}-\d{5}\s+\d{4}-\d{2}-\d{2}\s*$/;
  const seen: string[] = [];
  pages.forEach((text, n) => {
    const lines = text.split('\n').filter((l) => l.trim() !== '');
    const firstTableLine = lines.findIndex((l) => /序号|^\s*\d+\s+\S/.test(l));
    expect(lines[firstTableLine], `page ${n + 1} starts its table with the header row`).toMatch(header);
    // Between the header and the page number, nothing but whole rows: a broken name or date would leave a line of its own.
    const body = lines.slice(firstTableLine + 1).filter((l) => !/第\s*\d+\s*页\s*共\s*\d+\s*页/.test(l));
    for (const line of body) {
      const m = row.exec(line);
      expect(m, `page ${n + 1}: "${line.trim()}" is one whole row`).not.toBeNull();
      seen.push(m![2]!);
    }
  });
  // Every person once, in order, each name whole (the list runs by decision, as approved).
  expect(seen).toHaveLength(PERSONS);
  expect([...seen].sort()).toEqual([...names].sort());
});
