import { describe, expect, it } from 'vitest';
import type { PersonView } from '../../shared/contract';
import { actOk, advanceDays, colleagues, createCase, registerPerson } from './cases-helpers';
import { expectOk, readyDesk } from './helpers';
import { LI_XIUYING, ZHANG_SAN, namesFound, search } from './registry-helpers';

const CERT_FORM = { category: 'zero_employment_family', validFrom: '2026-11-27', validTo: '2026-12-31', evidenceNote: '社区证明' };
const CERT_DOCS = ['id_card', 'difficulty_application', 'household_register'];

describe('就业困难人员认定 and the key-group tag', () => {
  it('adds the tag on approval, in the profile and the filter, and drops it the day after the certification ends', () => {
    const ready = readyDesk();
    const { lina } = colleagues(ready, ['lina']);
    const personId = registerPerson(ready, LI_XIUYING);
    registerPerson(ready, ZHANG_SAN);
    const tags = () => expectOk<PersonView>(ready.call('persons.get', { id: personId })).keyGroups.map((t) => t.code);
    expect(tags()).not.toContain('employment_difficulty');

    const draft = createCase(ready.call, personId, 'difficulty_certification', CERT_FORM, CERT_DOCS);
    const accepted = actOk(ready.call, draft, 'accept');
    const inReview = actOk(lina.call, accepted, 'start_review');
    // Not before the decision.
    expect(tags()).not.toContain('employment_difficulty');
    const approved = actOk(lina.call, inReview, 'approve', '材料齐全');
    // The decision's frozen facts are those it relied on: before the certification.
    expect(approved.decisionSnapshot?.keyGroups).not.toContain('employment_difficulty');

    const tag = expectOk<PersonView>(ready.call('persons.get', { id: personId })).keyGroups.find((t) => t.code === 'employment_difficulty');
    expect(tag).toMatchObject({ until: '2026-12-31' });
    // The rule names the category as staff know it, not by its stored code.
    expect(tag!.rule).toContain('认定类别：城镇零就业家庭成员');
    expect(namesFound(ready, '', { filters: { keyGroup: 'employment_difficulty' } })).toEqual(['李秀英']);
    // The search list shows the tag on her row only (the page's certifications are read together).
    const listed = search(ready, '').items.map((p) => [p.name, p.keyGroups.includes('employment_difficulty')]);
    expect(listed.sort()).toEqual([['张三', false], ['李秀英', true]]);

    // 2026-12-31 is the last valid day; on 2027-01-01 the tag is gone, from the profile and the filter.
    advanceDays(ready, 34, [lina]);
    expect(tags()).toContain('employment_difficulty');
    advanceDays(ready, 1, [lina]);
    expect(tags()).not.toContain('employment_difficulty');
    expect(namesFound(ready, '', { filters: { keyGroup: 'employment_difficulty' } })).toEqual([]);
  });
});
