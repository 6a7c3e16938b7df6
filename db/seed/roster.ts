/**
 * A synthetic township roster (花名册) as staff bring it to the import: 姓名,
 * 身份证号, 手机号码, 文化程度 of `rows` generated persons of `countyCode`'s
 * townships. The benchmark times its import; tests import it while they
 * check that the desk keeps answering.
 */
import { EDUCATION_LEVELS } from '../../shared/domain/code-tables';
import { loadDivisions, townshipsOf, villagesOf } from '../divisions';
import { writeXlsx } from '../xlsx';
import type { PersonRow } from '../services/person-derived';
import { PersonGenerator } from './person-generator';

export function rosterPersons(options: { rows: number; seed: number; countyCode: string; resourcesDir: string; today: string }): PersonRow[] {
  const divisions = loadDivisions(options.resourcesDir);
  const townships = townshipsOf(divisions, options.countyCode).map((t) => ({ code: t.code, villages: villagesOf(divisions, t.code).map((v) => v.code) }));
  const generator = new PersonGenerator({ seed: options.seed, townships, today: options.today, registeredUnemployment: false });
  return Array.from({ length: options.rows }, (_, i) => generator.next(i + 1));
}

export function rosterXlsx(people: PersonRow[]): Buffer {
  const educationLabel = new Map<string, string>(EDUCATION_LEVELS.map(([code, label]) => [code, label]));
  return writeXlsx(
    '花名册',
    ['姓名', '身份证号', '手机号码', '文化程度'],
    people.map((p) => [p.name, p.idNumber, p.phone ?? '', p.educationCode ? (educationLabel.get(p.educationCode) ?? '') : '']),
    [],
    [1, 2],
  );
}
