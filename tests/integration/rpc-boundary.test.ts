import { describe, expect, it } from 'vitest';
import { expectError, expectOk, login, readyDesk, rowCounts } from './helpers';
import { PERSON_A } from './persons-data';

describe('bad input at the RPC door is refused with a typed error and writes nothing', () => {
  const cases: Array<[string, string, unknown, string, string | null]> = [
    ['an ID number sent as a number', 'persons.register', { idNumber: 123, name: '张伟' }, 'BAD_INPUT', 'idNumber'],
    ['an unknown extra field', 'persons.register', { ...PERSON_A, isAdmin: true }, 'BAD_INPUT', 'isAdmin'],
    ['an unknown field inside changes', 'persons.update', { id: 1, version: 1, changes: { idNumber: '1' }, reason: '改' }, 'BAD_INPUT', 'changes.idNumber'],
    ['a name of 10,000 characters', 'persons.register', { idNumber: PERSON_A.idNumber, name: '张'.repeat(10_000) }, 'BAD_INPUT', 'name'],
    ['an ID number of 10,000 characters', 'persons.register', { idNumber: '3'.repeat(10_000), name: '张伟' }, 'BAD_INPUT', 'idNumber'],
    ['no input at all', 'persons.register', undefined, 'BAD_INPUT', 'idNumber'],
    ['an array instead of an object', 'persons.register', [PERSON_A], 'BAD_INPUT', null],
    ['a string instead of an object', 'persons.register', 'DROP TABLE persons', 'BAD_INPUT', null],
    ['a name with digits and symbols', 'persons.register', { idNumber: PERSON_A.idNumber, name: "张伟'; --" }, 'BAD_INPUT', 'name'],
    ['a fractional row version', 'persons.update', { id: 1, version: 1.5, changes: {}, reason: '改' }, 'BAD_INPUT', 'version'],
    ['a page size beyond the limit', 'persons.search', { query: '', pageSize: 100_000 }, 'BAD_INPUT', 'pageSize'],
    ['an unknown method', 'persons.delete', { id: 1 }, 'UNKNOWN_METHOD', null],
    ['a method name from Object.prototype', 'constructor', {}, 'UNKNOWN_METHOD', null],
  ];

  it.each(cases)('%s', (_label, method, input, code, field) => {
    const ready = readyDesk();
    const person = expectOk<{ id: number }>(ready.call('persons.register', { idNumber: '321281198512310047', name: '张丽' }));
    expect(person.id).toBe(1);
    const before = rowCounts(ready.desk);
    const error = expectError(ready.call(method, input), code as 'BAD_INPUT');
    if (field) expect(Object.keys(error.fields ?? {})).toContain(field);
    expect(error.message.length).toBeLessThan(300);
    expect(rowCounts(ready.desk)).toEqual(before);
    expect(ready.logs).toEqual([]);
  });

  it('names the field in Chinese in the message', () => {
    const ready = readyDesk();
    const error = expectError(ready.call('persons.register', { idNumber: 123, name: '张伟' }), 'BAD_INPUT');
    expect(error.message).toContain('身份证号');
  });

  it.each([
    ['an infinite page number (1e999 in JSON)', 'persons.search', '{"query":"","page":1e999}', 'page', '页码：应为有限的数字'],
    ['a fractional page number', 'persons.search', '{"query":"","page":1.5}', 'page', '页码：应为整数'],
    ['a page number below 1', 'persons.search', '{"query":"","page":0}', 'page', '页码：不能小于 1'],
    ['a page size beyond the limit', 'persons.search', '{"query":"","pageSize":100000}', 'pageSize', '每页条数：不能大于'],
    ['a __proto__ key', 'persons.search', '{"query":"","__proto__":{"isAdmin":true}}', '__proto__', '__proto__：不支持的字段'],
    ['a constructor key', 'persons.search', '{"query":"","constructor":1}', 'constructor', 'constructor：不支持的字段'],
    ['a missing required field', 'persons.register', '{"name":"张伟"}', 'idNumber', '身份证号：必填'],
    ['text where a number belongs', 'persons.search', '{"query":"","page":"2"}', 'page', '页码：应为数字'],
  ])('says which field and which rule for %s', (_label, method, json, field, message) => {
    const ready = readyDesk();
    const error = expectError(ready.call(method, JSON.parse(json)), 'BAD_INPUT');
    expect(Object.hasOwn(error.fields ?? {}, field)).toBe(true);
    expect(error.message).toContain(message);
    expect(error.message).not.toMatch(/期望|实际接收|string|number|undefined|object/);
  });

  it('does not echo an oversized value back in the error', () => {
    const ready = readyDesk();
    const error = expectError(ready.call('persons.delete'.padEnd(5000, 'x'), {}), 'UNKNOWN_METHOD');
    expect(error.message.length).toBeLessThan(200);
  });
});

describe('who may do what', () => {
  it('asks for a login before anything that touches citizens’ data', () => {
    const ready = readyDesk({ login: false });
    const before = rowCounts(ready.desk);
    expectError(ready.desk.call(null, 'persons.register', PERSON_A).result, 'UNAUTHENTICATED');
    expectError(ready.desk.call(null, 'persons.search', { query: '' }).result, 'UNAUTHENTICATED');
    expectError(ready.desk.call('forged-session-id', 'persons.search', { query: '' }).result, 'UNAUTHENTICATED');
    expectError(ready.desk.call(null, 'system.info', {}).result, 'UNAUTHENTICATED');
    expect(rowCounts(ready.desk)).toEqual(before);
  });

  it('keeps the administrator without the front-desk role out of citizens’ records', () => {
    const ready = readyDesk({ alsoFrontDesk: false });
    const before = rowCounts(ready.desk);
    expectError(ready.call('persons.register', PERSON_A), 'FORBIDDEN');
    expectError(ready.call('persons.search', { query: '' }), 'FORBIDDEN');
    expectError(ready.call('persons.get', { id: 1 }), 'FORBIDDEN');
    expect(rowCounts(ready.desk)).toEqual(before);
    // The same session may still use what every logged-in user may.
    expect(expectOk<{ county: { code: string } }>(ready.call('system.info', {})).county.code).toBe('320506');
    expect(expectOk<{ permissions: string[] }>(ready.call('auth.session', {})).permissions).not.toContain('persons.read');
  });

  it('ends the session on logout', () => {
    const ready = readyDesk();
    expectOk(ready.call('persons.search', { query: '' }));
    const outcome = ready.desk.call(ready.session, 'auth.logout', {});
    expect(outcome.session).toEqual({ clear: true });
    expectError(ready.call('persons.search', { query: '' }), 'UNAUTHENTICATED');
  });

  it('refuses a second initialisation of a ready desk', () => {
    const ready = readyDesk({ login: false });
    const before = rowCounts(ready.desk);
    const result = ready.desk.call(null, 'setup.initialize', {
      countyCode: '320506', adminUsername: 'other', adminDisplayName: '张三', password: 'Another-pass-1',
    }).result;
    expectError(result, 'ALREADY_INITIALIZED');
    expect(rowCounts(ready.desk)).toEqual(before);
    expect(() => login(ready.desk, 'other', 'Another-pass-1')).toThrow();
  });
});
