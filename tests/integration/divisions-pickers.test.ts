import { describe, expect, it } from 'vitest';
import type { CountyDivision, PersonView, Township } from '../../shared/contract';
import { registerPerson } from './cases-helpers';
import { expectOk, readyDesk } from './helpers';
import { MUDU, XIANGXI, ZHANG_LI, ZHANG_SAN } from './registry-helpers';

describe('the division pickers\' data: names with pinyin, never a raw code to type', () => {
  it('lists Jiangsu\'s districts and counties with their city, townships and villages, each with its pinyin keys', () => {
    const ready = readyDesk();
    const counties = expectOk<CountyDivision[]>(ready.call('divisions.counties', {}));
    expect(counties.find((c) => c.code === '320506')).toEqual({ code: '320506', name: '苏州市吴中区', searchKeys: ['wuzhongqu', 'wzq', 'suzhoushiwuzhongqu', 'szswzq'] });
    // 95 legal divisions; the statistical functional zones are not places a household is registered in.
    expect(counties).toHaveLength(95);
    const townships = expectOk<Township[]>(ready.call('divisions.townships', {}));
    expect(townships.find((t) => t.code === MUDU.code)).toEqual({ ...MUDU, searchKeys: ['muduzhen', 'mdz'] });
    const villages = expectOk<Township[]>(ready.call('divisions.villages', { townshipCode: MUDU.code }));
    expect(villages.find((v) => v.code === XIANGXI.code)?.searchKeys).toContain('xxsqjwh');
  });

  it('shows the household registration by name: 苏州市吴中区 for 320506, and only the code for a place outside Jiangsu', () => {
    const ready = readyDesk();
    const local = registerPerson(ready, { ...ZHANG_SAN, householdDivisionCode: '320506' });
    const beijing = registerPerson(ready, { ...ZHANG_LI, householdDivisionCode: '110105' });
    expect(expectOk<PersonView>(ready.call('persons.get', { id: local }))).toMatchObject({ householdDivisionCode: '320506', householdDivisionName: '苏州市吴中区' });
    expect(expectOk<PersonView>(ready.call('persons.get', { id: beijing }))).toMatchObject({ householdDivisionCode: '110105', householdDivisionName: null });
  });
});
