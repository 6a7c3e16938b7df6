import { describe, expect, it } from 'vitest';
import { expectError, readyDesk, rowCounts } from './helpers';
import { ZHANG_SAN, idNumber, legacy15, namesFound, register, rows } from './registry-helpers';

/** The same 张三 registered again under a mistyped ID number (one digit of the sequence off). */
const MISTYPED = { ...ZHANG_SAN, idNumber: idNumber('320506', '1990-05-12', '031') };

describe('registering someone who may already be on file', () => {
  it('refuses the same ID number, typed in any form, and points to the existing record', () => {
    const ready = readyDesk();
    const first = register(ready, ZHANG_SAN);
    const counts = rowCounts(ready.desk);
    for (const typed of [ZHANG_SAN.idNumber, ` ${ZHANG_SAN.idNumber.slice(0, 9)} ${ZHANG_SAN.idNumber.slice(9)} `, legacy15(ZHANG_SAN.idNumber)]) {
      const error = expectError(ready.call('persons.register', { idNumber: typed, name: '张三丰' }), 'DUPLICATE');
      expect(error.details, typed).toEqual({ personId: first.id, kind: 'idNumber' });
      expect(error.fields).toEqual({ idNumber: '该身份证号已登记' });
      expect(error.message).toBe('该身份证号已登记（张三），请打开已有档案');
    }
    // confirmNotDuplicate does not get past the same ID number.
    expectError(ready.call('persons.register', { ...ZHANG_SAN, confirmNotDuplicate: true }), 'DUPLICATE');
    expect(rowCounts(ready.desk)).toEqual(counts);
  });

  it('warns about the same name, birth date and phone under another ID number, and writes nothing', () => {
    const ready = readyDesk();
    const first = register(ready, ZHANG_SAN);
    const counts = rowCounts(ready.desk);
    // The phone typed differently is still the same phone.
    const error = expectError(ready.call('persons.register', { ...MISTYPED, phone: '+86 139-5100-1234' }), 'DUPLICATE');
    expect(error.details).toEqual({ personId: first.id, kind: 'similar' });
    expect(error.message).toContain('可能是同一人（身份证号录错）');
    expect(rowCounts(ready.desk)).toEqual(counts);
    expect(rows(ready, 'select count(*) as n from person_search_keys')).toEqual([{ n: 3 }]);
  });

  it('creates the second record once staff confirm it is someone else', () => {
    const ready = readyDesk();
    const first = register(ready, ZHANG_SAN);
    const second = register(ready, { ...MISTYPED, confirmNotDuplicate: true });
    expect(second.id).not.toBe(first.id);
    expect(second).toMatchObject({ name: '张三', birthDate: '1990-05-12', phoneMasked: '139****1234', idNumberMasked: '3205**********0310' });
    expect(rowCounts(ready.desk).persons).toBe(2);
    expect(namesFound(ready, '13951001234')).toEqual(['张三', '张三']);
  });

  it('does not warn when only two of name, birth date and phone agree', () => {
    const ready = readyDesk();
    register(ready, ZHANG_SAN);
    register(ready, { ...MISTYPED, phone: '13951009999' });
    register(ready, { ...ZHANG_SAN, idNumber: idNumber('320506', '1990-05-13', '031') });
    register(ready, { ...ZHANG_SAN, idNumber: idNumber('320506', '1990-05-12', '051'), name: '张山' });
    expect(rowCounts(ready.desk).persons).toBe(4);
  });
});
