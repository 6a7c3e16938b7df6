import { describe, expect, it } from 'vitest';
import type { InForceCase } from '../../shared/contract';
import { colleagues, registerPerson } from './cases-helpers';
import { approve, CERT_DOCS, CERT_FORM, cases } from './contacts-helpers';
import { expectOk, readyDesk } from './helpers';
import { LI_XIUYING, search, ZHANG_SAN } from './registry-helpers';

/**
 * A search page reads only the list's columns and whether each person holds an
 * approved 就业困难人员认定 (db/queries/persons.ts LIST_COLUMNS): the tag must
 * still show on the list exactly while the certification is in force, for the
 * searches written once (a full ID or mobile number) and those built per query.
 */
describe('the key groups a search list shows', () => {
  it('tags the certified person on every kind of search, and only her, until the certification ends', () => {
    const ready = readyDesk();
    const { lina } = colleagues(ready, ['lina']);
    const certified = registerPerson(ready, LI_XIUYING);
    registerPerson(ready, ZHANG_SAN);
    approve(ready, lina, certified, 'difficulty_certification', CERT_FORM, CERT_DOCS);
    const tagged = (query: string) =>
      search(ready, query)
        .items.filter((p) => p.keyGroups.includes('employment_difficulty'))
        .map((p) => p.name);

    for (const query of [LI_XIUYING.idNumber, LI_XIUYING.phone, '李秀英', 'lxy', '']) expect(tagged(query), query).toEqual(['李秀英']);
    expect(tagged(ZHANG_SAN.idNumber)).toEqual([]);
    expect(search(ready, ZHANG_SAN.phone).items.map((p) => p.name)).toEqual(['张三']);

    const cert = cases(ready.call, certified).find((m) => m.caseType === 'difficulty_certification')!;
    expectOk<InForceCase>(lina.call('certifications.exit', { caseId: cert.caseId, version: cert.version, onDate: '2026-11-27', reason: 'moved_out' }));
    for (const query of [LI_XIUYING.idNumber, LI_XIUYING.phone, '李秀英', '']) expect(tagged(query), query).toEqual([]);
  });
});
