import { describe, expect, it } from 'vitest';
import type { PersonView } from '../../shared/contract';
import { expectError, expectOk, readyDesk } from './helpers';
import { register, rows, ZHANG_SAN } from './registry-helpers';

describe('qualifications and skill certificates', () => {
  it('are kept on the record, shown on the profile and audited', () => {
    const ready = readyDesk();
    const person = register(ready, ZHANG_SAN);
    const after = expectOk<PersonView>(
      ready.call('persons.addQualification', { personId: person.id, name: '电工', level: '四级/中级工', certificateNumber: 'S000032050600123', issuedOn: '2024-05-20' }),
    );
    expect(after.qualifications).toEqual([{ id: 1, name: '电工', level: '四级/中级工', certificateNumber: 'S000032050600123', issuedOn: '2024-05-20' }]);
    expect(expectOk<PersonView>(ready.call('persons.get', { id: person.id })).qualifications).toHaveLength(1);
    expect(rows(ready, "select action from audit_log where action = 'persons.addQualification' and entity_id = ?", String(person.id))).toHaveLength(1);
  });

  it('refuses a certificate issued after today and an unknown level, writing nothing', () => {
    const ready = readyDesk();
    const person = register(ready, ZHANG_SAN);
    const future = expectError(ready.call('persons.addQualification', { personId: person.id, name: '焊工', issuedOn: '2027-01-01' }), 'BAD_INPUT');
    expect(future.fields).toEqual({ issuedOn: '发证日期不能晚于今天' });
    expectError(ready.call('persons.addQualification', { personId: person.id, name: '焊工', level: '特级' }), 'BAD_INPUT');
    expect(rows(ready, 'select id from person_qualifications')).toHaveLength(0);
  });
});
