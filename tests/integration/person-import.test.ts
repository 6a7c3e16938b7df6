import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { runCliAsync } from '../../electron/cli/run';
import { cliWorkspace } from './cli-workspace';
import { keyedConnection } from './helpers';

const FIXTURE = 'tests/fixtures/persons-import.xlsx';
const EXPECTED = JSON.parse(readFileSync('tests/fixtures/persons-import.expected.json', 'utf8')) as {
  rows: ({ rowNumber: number; valid: true; record: Record<string, string | null> } | { rowNumber: number; valid: false; problems: { column: string; value: string; reason: string }[] })[];
};

/** The report promised by the fixture, in the command line's `--json` form. */
const EXPECTED_ROWS = EXPECTED.rows.flatMap((r) => (r.valid ? [] : r.problems.map((p) => ({ row: r.rowNumber, ...p }))));
const EXPECTED_VALID = EXPECTED.rows.filter((r) => r.valid).length;

async function cli(argv: string[], env: NodeJS.ProcessEnv = {}) {
  const lines: string[] = [];
  const code = await runCliAsync(argv, env, (line) => lines.push(line));
  return { code, out: lines.join('\n') };
}

/** An initialised county database (shared command-line workspace) and a row counter on it. */
function county() {
  const ws = cliWorkspace();
  const count = (sql: string) => {
    const raw = keyedConnection(ws.dbPath, ws.keyFile);
    try {
      return (raw.prepare(sql).get() as { n: number }).n;
    } finally {
      raw.close();
    }
  };
  return { ...ws, count };
}

describe('importing the messy roster fixture', () => {
  it('reports every bad row exactly as the fixture expects, and a dry run writes nothing', async () => {
    const c = county();
    const run = await cli(['import', 'persons', FIXTURE, ...c.common, '--dry-run', '--json']);
    const report = JSON.parse(run.out);
    expect(report).toEqual({ total: 34, valid: EXPECTED_VALID, invalid: 34 - EXPECTED_VALID, created: EXPECTED_VALID, updated: 0, unchanged: 0, rows: EXPECTED_ROWS });
    expect(run.code).toBe(1); // bad rows: a non-zero exit for scripts
    expect(c.count('select count(*) as n from persons')).toBe(0);
  });

  it('writes the valid rows as the fixture records them; importing the same file again changes nothing', async () => {
    const c = county();
    const first = JSON.parse((await cli(['import', 'persons', FIXTURE, ...c.common, '--json'])).out);
    expect(first).toMatchObject({ created: EXPECTED_VALID, updated: 0, unchanged: 0 });
    expect(c.count('select count(*) as n from persons')).toBe(EXPECTED_VALID);
    const raw = keyedConnection(c.dbPath, c.keyFile);
    for (const row of EXPECTED.rows) {
      if (!row.valid) continue;
      const stored = raw.prepare('select name, sex, birth_date as birthDate, phone, education_code as education, household_type as householdType from persons where id_number = ?').get(row.record.idNumber) as Record<string, string | null>;
      expect(stored, `row ${row.rowNumber}`).toEqual({
        name: row.record.name, sex: row.record.sex, birthDate: row.record.birthDate, phone: row.record.phone ?? null,
        education: row.record.education ?? null, householdType: row.record.householdType ?? null,
      });
    }
    raw.close();
    const auditBefore = c.count('select max(id) as n from audit_log');
    const second = JSON.parse((await cli(['import', 'persons', FIXTURE, ...c.common, '--json'])).out);
    expect(second).toMatchObject({ created: 0, updated: 0, unchanged: EXPECTED_VALID });
    // Only the import act itself is recorded; no person was registered or corrected.
    expect(c.count(`select count(*) as n from audit_log where id > ${auditBefore}`)).toBe(1);
    expect(c.count(`select count(*) as n from audit_log where id > ${auditBefore} and action = 'persons.importStart'`)).toBe(1);
    expect(c.count('select count(*) as n from person_corrections')).toBe(0);
  });

  it('all-or-nothing writes nothing while any row is bad', async () => {
    const c = county();
    const run = await cli(['import', 'persons', FIXTURE, ...c.common, '--all-or-nothing']);
    expect(run.out).toContain('未写入任何数据');
    expect(c.count('select count(*) as n from persons')).toBe(0);
  });

  it('updates only the changed fields of a known person and records the correction', async () => {
    const c = county();
    await cli(['import', 'persons', FIXTURE, ...c.common]);
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('更新');
    sheet.addRow(['姓名', '身份证号', '联系电话', '文化程度']);
    sheet.addRow(['王建国', '320102199003071239', '13700001111', '']);
    const file = join(c.dir, 'update.xlsx');
    await workbook.xlsx.writeFile(file);
    const report = JSON.parse((await cli(['import', 'persons', file, ...c.common, '--json'])).out);
    expect(report).toMatchObject({ total: 1, created: 0, updated: 1, unchanged: 0 });
    expect(c.count("select count(*) as n from person_corrections where field = 'phone' and new_value = '13700001111'")).toBe(1);
    // The blank 文化程度 cell did not erase the stored education.
    expect(c.count("select count(*) as n from persons where id_number = '320102199003071239' and education_code = '20'")).toBe(1);
  });

  it('refuses a sheet without the required columns, naming them', async () => {
    const c = county();
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('表1').addRow(['姓名', '备注']);
    const file = join(c.dir, 'no-id.xlsx');
    await workbook.xlsx.writeFile(file);
    const run = await cli(['import', 'persons', file, ...c.common]);
    expect(run.code).not.toBe(0);
    expect(run.out).toMatch(/身份证号/);
  });
});
