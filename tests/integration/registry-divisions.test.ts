import { describe, expect, it } from 'vitest';
import type { PersonView, Township } from '../../shared/contract';
import { expectError, expectOk, readyDesk, rowCounts } from './helpers';
import { CHANGQIAO, LONGQIAO, MUDU, XIANGXI, ZHANG_SAN, register, rows } from './registry-helpers';

/** Residence is kept within the bureau's county (吴中区 320506), township then village. */
describe('residence divisions of a person', () => {
  it('lists the villages of a township of the county, and none for a township elsewhere', () => {
    const ready = readyDesk();
    const villages = expectOk<Township[]>(ready.call('divisions.villages', { townshipCode: CHANGQIAO.code }));
    expect(villages).toHaveLength(20);
    expect(villages.slice(0, 3).map(({ code, name }) => ({ code, name }))).toEqual([
      { code: '320506001012', name: '龙桥社区居委会' },
      { code: '320506001013', name: '龙西社区居委会' },
      { code: '320506001014', name: '新家社区居委会' },
    ]);
    expect(villages.every((v) => v.code.startsWith('320506001'))).toBe(true);
    expect(expectOk<Township[]>(ready.call('divisions.villages', { townshipCode: MUDU.code }))[0]).toMatchObject(XIANGXI);
    // 横塘街道 of 虎丘区 (320505) is not this bureau's.
    expect(expectOk<Township[]>(ready.call('divisions.villages', { townshipCode: '320505001' }))).toEqual([]);
    expectError(ready.call('divisions.villages', { townshipCode: '3205060' }), 'BAD_INPUT');
  });

  it('stores a township and one of its villages and shows their names', () => {
    const ready = readyDesk();
    const person = register(ready, { ...ZHANG_SAN, residenceTownshipCode: CHANGQIAO.code, residenceVillageCode: LONGQIAO.code });
    expect(person).toMatchObject({
      residenceTownshipCode: '320506001',
      residenceTownshipName: '长桥街道',
      residenceVillageCode: '320506001012',
      residenceVillageName: '龙桥社区居委会',
    });
  });

  it('refuses a township outside the county under its field, and writes nothing', () => {
    const ready = readyDesk();
    const counts = rowCounts(ready.desk);
    const error = expectError(ready.call('persons.register', { ...ZHANG_SAN, residenceTownshipCode: '320505001' }), 'BAD_INPUT');
    expect(error.fields).toEqual({ residenceTownshipCode: '不是本县的乡镇（街道）' });
    expect(error.message).toBe('居住乡镇（街道）：不是本县的乡镇（街道）');
    expect(rowCounts(ready.desk)).toEqual(counts);
  });

  it('refuses a village that is not under the chosen township, and writes nothing', () => {
    const ready = readyDesk();
    const counts = rowCounts(ready.desk);
    const error = expectError(
      ready.call('persons.register', { ...ZHANG_SAN, residenceTownshipCode: CHANGQIAO.code, residenceVillageCode: XIANGXI.code }),
      'BAD_INPUT',
    );
    expect(error.fields).toEqual({ residenceVillageCode: '不属于所选的乡镇（街道）' });
    // A village without any township cannot be placed either.
    const alone = expectError(ready.call('persons.register', { ...ZHANG_SAN, residenceVillageCode: LONGQIAO.code }), 'BAD_INPUT');
    expect(Object.keys(alone.fields ?? {})).toEqual(['residenceVillageCode']);
    expect(rowCounts(ready.desk)).toEqual(counts);
  });

  it('checks a corrected village against the stored township', () => {
    const ready = readyDesk();
    const person = register(ready, { ...ZHANG_SAN, residenceTownshipCode: CHANGQIAO.code });
    const error = expectError(
      ready.call('persons.update', { id: person.id, version: 1, changes: { residenceVillageCode: XIANGXI.code }, reason: '补充村（社区）' }),
      'BAD_INPUT',
    );
    expect(Object.keys(error.fields ?? {})).toEqual(['residenceVillageCode']);
    const fixed = expectOk<PersonView>(
      ready.call('persons.update', { id: person.id, version: 1, changes: { residenceVillageCode: LONGQIAO.code }, reason: '补充村（社区）' }),
    );
    expect(fixed.residenceVillageName).toBe('龙桥社区居委会');
  });

  // Either answer keeps the record consistent: refusing under the village field, or
  // clearing the village (with its own line of history). Keeping 龙桥社区 under 木渎镇 is not.
  it('does not leave the old village behind when only the township is corrected', () => {
    const ready = readyDesk();
    const person = register(ready, { ...ZHANG_SAN, residenceTownshipCode: CHANGQIAO.code, residenceVillageCode: LONGQIAO.code });
    const result = ready.call('persons.update', { id: person.id, version: 1, changes: { residenceTownshipCode: MUDU.code }, reason: '搬到木渎' });
    const stored = rows(ready, 'select residence_township_code, residence_village_code from persons where id = ?', person.id);
    if (result.ok) {
      expect(stored).toEqual([{ residence_township_code: MUDU.code, residence_village_code: null }]);
      expect(rows(ready, 'select field, old_value, new_value from person_corrections order by field')).toEqual([
        { field: 'residenceTownshipCode', old_value: CHANGQIAO.code, new_value: MUDU.code },
        { field: 'residenceVillageCode', old_value: LONGQIAO.code, new_value: null },
      ]);
    } else {
      expect(result.error).toMatchObject({ code: 'BAD_INPUT', fields: { residenceVillageCode: '不属于所选的乡镇（街道）' } });
      expect(stored).toEqual([{ residence_township_code: CHANGQIAO.code, residence_village_code: LONGQIAO.code }]);
    }
  });
});
