import { describe, expect, it } from 'vitest';
import { checkFactRows, type FactRegistry } from '../../shared/domain/department-fact-rows';
import { FACT_COLUMNS, FACT_SOURCES } from '../../shared/domain/department-facts';
import type { SheetRows } from '../../shared/domain/import-rows';
import { PERMISSIONS, permissionsOf } from '../../shared/roles';

const OPTIONS = { today: '2026-11-27', asOf: '2026-10-31' };
/** 吐尔逊·买买提 is registered under 320102199003071239 (born 1990-03-07), one enterprise under its credit code. */
const REGISTRY: FactRegistry = {
  person: (id) => (id === '320102199003071239' ? { id: 7, name: '吐尔逊·买买提' } : null),
  enterprise: (key) => (key === '91320100MA1XY8129Y' ? { id: 3, names: ['苏州精工有限公司', '吴中精工厂'] } : null),
};

function sheet(headers: string[], ...rows: unknown[][]): SheetRows {
  return { headers, rows: rows.map((cells, i) => ({ rowNumber: i + 2, cells })), date1904: false };
}

describe('department data rows (pure)', () => {
  it('has a template of columns and a label for every source the tables know', () => {
    expect(FACT_SOURCES.map(([code]) => FACT_COLUMNS[code].length > 2)).toEqual(FACT_SOURCES.map(() => true));
  });

  it('reads a department’s own headers, and a name with another middle dot as the same name', () => {
    const [row] = checkFactRows('person_insurance', sheet(['公民身份号码', '参保人姓名', '缴费月数', '近一年缴费月数'], ['320102199003071239', '吐尔逊•买买提', '24', 12]), OPTIONS, REGISTRY);
    expect(row).toEqual({ rowNumber: 2, valid: true, record: { name: '吐尔逊•买买提', idNumber: '320102199003071239', personId: '7', monthsTotal: '24', monthsLast12: '12', employerSince: null } });
  });

  it('matches a 15-digit legacy card by its 18-digit form', () => {
    const [row] = checkFactRows('deaths', sheet(['身份证号', '姓名', '死亡日期'], ['320102900307123', '吐尔逊·买买提', '2026-10-01']), OPTIONS, REGISTRY);
    expect(row).toMatchObject({ valid: true, record: { idNumber: '320102199003071239', personId: '7', diedOn: '2026-10-01' } });
  });

  it('takes an enterprise’s former name as its name, and links a 参保单位 found in the registry', () => {
    const [employer] = checkFactRows('employer_insurance', sheet(['统一社会信用代码', '单位名称', '参保人数', '是否欠费'], ['91320100MA1XY8129Y', '吴中精工厂', 10, '否']), OPTIONS, REGISTRY);
    expect(employer).toMatchObject({ valid: true, record: { enterpriseId: '3', arrears: 'no', insuredHeadcount: '10' } });
    expect(employer).not.toHaveProperty('notes');
    const [person] = checkFactRows('person_insurance', sheet(['身份证号', '姓名', '累计缴费月数', '近12个月缴费月数', '参保单位统一社会信用代码'], ['320102199003071239', '吐尔逊·买买提', 24, 12, '91320100MA1XY8129Y']), OPTIONS, REGISTRY);
    expect(person).toMatchObject({ valid: true, record: { employerCreditCode: '91320100MA1XY8129Y', enterpriseId: '3' } });
  });

  it('reads the category and the grade from a second-generation certificate number', () => {
    const [row] = checkFactRows('disability_certificates', sheet(['身份证号', '姓名', '残疾人证号'], ['320102199003071239', '吐尔逊·买买提', '32010219900307123973']), OPTIONS, REGISTRY);
    expect(row).toMatchObject({ valid: true, record: { certificateNo: '32010219900307123973', category: '7', grade: '3' } });
  });
});

describe('who imports department data', () => {
  it('is the administrator and the head: whole lists of deaths and 低保 recipients are not window work', () => {
    const holders = (['front_desk', 'counselor', 'reviewer', 'head', 'admin'] as const).filter((role) => permissionsOf([role]).includes('facts.import'));
    expect(holders).toEqual(['head', 'admin']);
    expect(PERMISSIONS).toContain('facts.import');
  });
});
