import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../../shared/demo';
import { expect, test } from '@playwright/test';
import { SERVING_PATTERN } from '../../shared/labels/console-lines';
import { logIn, waitForAppState } from '../../tests/e2e/pages';

/**
 * Opens the demo county once, then signs in as each of its accounts and takes a
 * full-page screenshot of every page that account's menu leads to (and the
 * pages one click below: a person, a case, an enterprise), then prints the
 * monthly report and a named list to PDF and PNG. Not a test: it asserts only
 * that the county opened; the pictures are for people to look at.
 */

const OUT = resolve(process.env.SCREENS_DIR ?? join(tmpdir(), 'desk-screens'));
/** SCREENS_ONLY=audit,vacancies: only these pages (by the names below), to look again after a fix. */
const ONLY = process.env.SCREENS_ONLY ? new Set(process.env.SCREENS_ONLY.split(',')) : null;

const PAGES: Array<[string, string]> = [
  ['/dashboard', 'dashboard'], ['/persons', 'persons'], ['/persons/new', 'person-new'], ['/persons/import', 'person-import'],
  ['/cases', 'cases'], ['/cases/new', 'case-new'], ['/counseling', 'counseling'],
  ['/enterprises', 'enterprises'], ['/enterprises/new', 'enterprise-new'], ['/enterprises/vacancies', 'vacancies'],
  ['/enterprises/vacancies/sheet', 'vacancy-sheet'], ['/enterprises/tasks', 'enterprise-tasks'], ['/enterprises/reports', 'enterprise-reports'],
  ['/fairs', 'fairs'], ['/policies', 'policies'], ['/policies/findings', 'findings'], ['/reports', 'report'], ['/reports/figures', 'report-figures'],
  ['/payments', 'payments'], ['/admin', 'admin'], ['/exchange', 'exchange'], ['/facts', 'facts'], ['/audit', 'audit'], ['/satisfaction', 'satisfaction'], ['/account', 'account'],
];

/** The real host on a fresh data folder; on a busy machine it may take minutes to start (the suite's fixture waits 20 s). */
async function startHost(): Promise<{ url: string; stop: () => void }> {
  const dir = mkdtempSync(join(tmpdir(), 'desk-screens-'));
  const child = spawn(process.execPath, ['--import', 'tsx', 'electron/host.ts', '--db', join(dir, 'data', 'desk.db'), '--key-file', join(dir, 'keys', 'desk.key'), '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`host did not start:\n${out}`)), 300_000);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const match = SERVING_PATTERN.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
  });
  return { url, stop: () => { child.kill('SIGTERM'); rmSync(dir, { recursive: true, force: true }); } };
}

async function show(page: Page, path: string): Promise<void> {
  await page.evaluate((p) => { location.hash = p; }, path);
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(1200);
}

async function firstLink(page: Page, listPath: string, hrefPattern: RegExp): Promise<string | null> {
  await show(page, listPath);
  const hrefs = await page.locator('a[href]').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
  const href = hrefs.find((h) => hrefPattern.test(h));
  return href ? href.replace(/^#/, '') : null;
}

test('screens of the demo county, every role', async ({ page }) => {
  test.setTimeout(1_200_000);
  mkdirSync(OUT, { recursive: true });
  const host = await startHost();
  await page.goto(host.url);
  await waitForAppState(page, 'setup');
  await page.getByRole('button', { name: '打开演示县' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-app-state', 'login', { timeout: 400_000 });
  const shot = (name: string) => page.screenshot({ path: join(OUT, `${name}.png`), fullPage: true });
  await shot('login');
  const index: string[] = [];
  for (const account of DEMO_ACCOUNTS) {
    await logIn(page, account.username, DEMO_PASSWORD);
    const who = account.username;
    const menu = await page.getByRole('navigation').getByRole('link').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
    for (const [path, name] of PAGES) {
      if (ONLY && !ONLY.has(name)) continue;
      if (!menu.some((m) => path.startsWith(m.replace(/^#/, '')) && m !== '#/') && path !== '/account') continue;
      await show(page, path);
      if (!page.url().includes(`#${path}`)) continue;
      await shot(`${who}-${name}`);
      index.push(`${who}-${name}`);
    }
    for (const [list, pattern, name] of [['/persons?q=王', /^#\/persons\/\d+$/, 'person'], ['/cases', /^#\/cases\/\d+$/, 'case'], ['/enterprises', /^#\/enterprises\/\d+$/, 'enterprise']] as const) {
      const target = await firstLink(page, list, pattern);
      if (!target) continue;
      await show(page, target);
      await shot(`${who}-${name}`);
      index.push(`${who}-${name}`);
    }
    await page.goto(`${host.url}#/`);
    // Not pages.ts's logOut: in the demo an administrator also has 退出演示.
    await page.getByRole('button', { name: '退出', exact: true }).click();
    await waitForAppState(page, 'login');
  }
  // The head's printed monthly report and a named list.
  await logIn(page, 'juzhang', DEMO_PASSWORD);
  for (const [path, name] of [['/reports', 'print-monthly-report'], ['/reports/list?figure=registered_unemployed', 'print-named-list'], ['/dashboard', 'print-dashboard-charts']] as const) {
    await show(page, path);
    if (name === 'print-named-list') {
      await show(page, '/reports');
      await page.getByTestId('figure-registered_unemployed').click();
      await page.waitForLoadState('networkidle');
      await page.waitForTimeout(1500);
    }
    await page.emulateMedia({ media: 'print' });
    const pdf = join(OUT, `${name}.pdf`);
    writeFileSync(pdf, await page.pdf({ format: 'A4', preferCSSPageSize: true }));
    await page.emulateMedia({ media: 'screen' });
    execFileSync('pdftoppm', ['-png', '-r', '50', '-l', '3', pdf, join(OUT, name)]);
    index.push(name);
  }
  writeFileSync(join(OUT, 'index.txt'), index.join('\n') + '\n');
  host.stop();
});
