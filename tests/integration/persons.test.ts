import { describe, expect, it } from 'vitest';
import type { PersonSearchResult, PersonView, Township } from '../../shared/contract';
import { LEGACY_15, WRONG_CHECKSUM_ID } from '../fixtures/people';
import { expectError, expectOk, readyDesk, rowCounts, type ReadyDesk } from './helpers';
import { PERSON_A, PERSON_B, PERSON_C } from './persons-data';

function register(ready: ReadyDesk, input: Record<string, unknown>): PersonView {
  return expectOk<PersonView>(ready.call('persons.register', input));
}

function stored(ready: ReadyDesk, id: number): Record<string, unknown> {
  return ready.desk.database().sqlite.prepare('select * from persons where id = ?').get(id) as Record<string, unknown>;
}

function search(ready: ReadyDesk, query: string, extra: Record<string, unknown> = {}): PersonSearchResult {
  return expectOk<PersonSearchResult>(ready.call('persons.search', { query, ...extra }));
}

describe('registering a person', () => {
  it('stores the normalised ID and phone, derives sex and birth date, and shows both masked', () => {
    const ready = readyDesk();
    const person = register(ready, { ...PERSON_A, idNumber: '32050619920115004x', phone: '+86 139-1234-5678' });
    expect(person).toMatchObject({
      idNumberMasked: '3205**********004X',
      phoneMasked: '139****5678',
      name: PERSON_A.name,
      sex: 'female',
      birthDate: '1992-01-15',
      version: 1,
      createdAt: '2026-11-27T02:00:00.000Z',
    });
    expect(JSON.stringify(person)).not.toContain('13912345678');
    expect(JSON.stringify(person)).not.toContain('32050619920115004X');
    expect(stored(ready, person.id)).toMatchObject({ id_number: '32050619920115004X', phone: '13912345678', sex: 'female' });
  });

  it('stores a 15-digit legacy number as its 18-digit form', () => {
    const ready = readyDesk();
    const person = register(ready, { idNumber: LEGACY_15.id15, name: '赵刚' });
    expect(stored(ready, person.id).id_number).toBe(LEGACY_15.id18);
    expect(person).toMatchObject({ idNumberMasked: '3201**********1239', sex: 'male', birthDate: '1990-03-07' });
  });

  it('refuses a second registration of the same person and points to the existing record', () => {
    const ready = readyDesk();
    const first = register(ready, PERSON_A);
    const counts = rowCounts(ready.desk);
    // The same number typed differently is still the same person.
    const error = expectError(ready.call('persons.register', { idNumber: ' 32050619920115004x', name: '李秀英' }), 'DUPLICATE');
    expect(error.details?.personId).toBe(first.id);
    expect(error.fields?.idNumber).toBeTruthy();
    expect(rowCounts(ready.desk)).toEqual(counts);
  });

  it('also finds the duplicate when the old 15-digit card of a registered person is typed', () => {
    const ready = readyDesk();
    const first = register(ready, { idNumber: LEGACY_15.id18, name: '赵刚' });
    const error = expectError(ready.call('persons.register', { idNumber: LEGACY_15.id15, name: '赵刚' }), 'DUPLICATE');
    expect(error.details?.personId).toBe(first.id);
  });

  it('refuses a mistyped ID number with the reason under the field and writes nothing', () => {
    const ready = readyDesk();
    const counts = rowCounts(ready.desk);
    const error = expectError(ready.call('persons.register', { idNumber: WRONG_CHECKSUM_ID, name: '张伟' }), 'BAD_INPUT');
    expect(error.fields?.idNumber).toContain('校验位');
    expect(rowCounts(ready.desk)).toEqual(counts);
  });

  it('refuses a phone number that is not a mainland mobile and writes nothing', () => {
    const ready = readyDesk();
    const counts = rowCounts(ready.desk);
    const error = expectError(ready.call('persons.register', { ...PERSON_C, phone: '025-8456123' }), 'BAD_INPUT');
    expect(Object.keys(error.fields ?? {})).toEqual(['phone']);
    expect(rowCounts(ready.desk)).toEqual(counts);
  });

  it('accepts a township of the county and refuses one of another county', () => {
    const ready = readyDesk();
    const townships = expectOk<Township[]>(ready.call('divisions.townships', {}));
    expect(townships.length).toBeGreaterThan(5);
    const [first] = townships;
    const person = register(ready, { ...PERSON_A, residenceTownshipCode: first!.code });
    expect(person.residenceTownshipName).toBe(first!.name);
    const error = expectError(ready.call('persons.register', { ...PERSON_B, residenceTownshipCode: '320505001' }), 'BAD_INPUT');
    expect(error.fields).toHaveProperty('residenceTownshipCode');
  });
});

describe('finding a person', () => {
  function withThree(): ReadyDesk {
    const ready = readyDesk();
    for (const person of [PERSON_A, PERSON_B, PERSON_C]) register(ready, person);
    return ready;
  }

  it('finds a person by the exact ID number, in any of its typed forms', () => {
    const ready = withThree();
    for (const query of ['320102199003071239', '３２０１０２１９９００３０７１２３９', LEGACY_15.id15]) {
      const found = search(ready, query);
      expect(found.total, query).toBe(1);
      expect(found.items[0]!.name).toBe(PERSON_C.name);
    }
  });

  it('finds people by a fragment of the name', () => {
    const ready = withThree();
    expect(search(ready, '张').items.map((p) => p.name).sort()).toEqual(['张丽', '张伟']);
    expect(search(ready, '秀英').items.map((p) => p.name)).toEqual(['李秀英']);
    expect(search(ready, '王').total).toBe(0);
  });

  it('finds a person by the full phone number and by its last four digits', () => {
    const ready = withThree();
    expect(search(ready, '13912345678').items.map((p) => p.name)).toEqual(['李秀英']);
    expect(search(ready, '139 1234 5678').items.map((p) => p.name)).toEqual(['李秀英']);
    expect(search(ready, '5678').items.map((p) => p.name)).toEqual(['李秀英']);
    expect(search(ready, '1111').items.map((p) => p.name)).toEqual(['张丽']);
  });

  it('finds a person by a phone typed with +86 or hyphens, the forms registration accepts', () => {
    const ready = withThree();
    expect(search(ready, '+8613912345678').items.map((p) => p.name)).toEqual(['李秀英']);
    expect(search(ready, '139-1234-5678').items.map((p) => p.name)).toEqual(['李秀英']);
  });

  it('lists masked ID numbers and phones only', () => {
    const ready = withThree();
    const text = JSON.stringify(search(ready, ''));
    expect(text).not.toContain('13912345678');
    expect(text).not.toContain('320102199003071239');
    expect(text).toContain('139****5678');
  });

  it('pages through the results and reports the full total', () => {
    const ready = withThree();
    const first = search(ready, '', { pageSize: 2 });
    const second = search(ready, '', { pageSize: 2, page: 2 });
    expect(first).toMatchObject({ total: 3, page: 1, pageSize: 2 });
    expect(first.items).toHaveLength(2);
    expect(second.items).toHaveLength(1);
    expect(second.total).toBe(3);
    const ids = [...first.items, ...second.items].map((p) => p.id);
    expect(new Set(ids).size).toBe(3);
    expect(search(ready, '', { pageSize: 2, page: 3 }).items).toEqual([]);
  });
});

describe('correcting a person', () => {
  it('refuses a stale correction as a conflict and keeps the first one', () => {
    const ready = readyDesk();
    const person = register(ready, PERSON_A);
    const changed = expectOk<PersonView>(
      ready.call('persons.update', { id: person.id, version: person.version, changes: { name: '李秀兰' }, reason: '户口本姓名更正' }),
    );
    expect(changed.version).toBe(person.version + 1);
    const counts = rowCounts(ready.desk);

    const stale = ready.call('persons.update', { id: person.id, version: person.version, changes: { name: '李秀梅' }, reason: '另一人同时修改' });
    const error = expectError(stale, 'CONFLICT');
    expect(error.details?.currentVersion).toBe(changed.version);
    expect(rowCounts(ready.desk)).toEqual(counts);
    const now = expectOk<PersonView>(ready.call('persons.get', { id: person.id }));
    expect(now).toMatchObject({ name: '李秀兰', version: changed.version });
  });

  it('updates the phone, clears it on an empty value, and leaves untouched fields alone', () => {
    const ready = readyDesk();
    const person = register(ready, { ...PERSON_A, address: '长桥街道某路1号' });
    const v2 = expectOk<PersonView>(ready.call('persons.update', { id: person.id, version: 1, changes: { phone: '13800009999' }, reason: '换号' }));
    expect(v2).toMatchObject({ phoneMasked: '138****9999', address: '长桥街道某路1号', name: PERSON_A.name });
    const v3 = expectOk<PersonView>(ready.call('persons.update', { id: person.id, version: 2, changes: { phone: '' }, reason: '停机' }));
    expect(v3.phoneMasked).toBeNull();
    expect(stored(ready, person.id).phone).toBeNull();
  });

  it('answers NOT_FOUND for a person that does not exist', () => {
    const ready = readyDesk();
    expectError(ready.call('persons.get', { id: 999 }), 'NOT_FOUND');
    expectError(ready.call('persons.update', { id: 999, version: 1, changes: {}, reason: '测试' }), 'NOT_FOUND');
  });
});
