import { describe, expect, it } from 'vitest';
import { matchesPlace, placeSearchKeys } from '../../shared/domain/pinyin-keys';

const place = (code: string, name: string) => ({ code, name, searchKeys: placeSearchKeys(name) });
const MUDU = place('320506103', '木渎镇');
const CHANGQIAO = place('320506001', '长桥街道');
const WUZHONG = { code: '320506', name: '苏州市吴中区', searchKeys: [...placeSearchKeys('吴中区'), ...placeSearchKeys('苏州市吴中区')] };

describe('the division pickers find a place by name, code or pinyin', () => {
  it('reads a place name as words: initials and full pinyin, lower-case letters only', () => {
    expect(placeSearchKeys('木渎镇')).toEqual(['muduzhen', 'mdz']);
    expect(placeSearchKeys('长桥街道')).toEqual(['changqiaojiedao', 'cqjd']);
  });

  it('matches what a clerk types: part of the name, the start of the code, the initials or the pinyin', () => {
    for (const typed of ['木渎', '渎镇', '320506103', '3205061', 'mdz', 'md', 'MDZ', 'mudu', 'muduzhen', ' mdz ']) expect(matchesPlace(MUDU, typed), typed).toBe(true);
    for (const typed of ['cq', '长桥', 'changqiao']) expect(matchesPlace(CHANGQIAO, typed), typed).toBe(true);
    for (const typed of ['wzq', 'wuzhong', 'szs', '吴中']) expect(matchesPlace(WUZHONG, typed), typed).toBe(true);
  });

  it('does not match on letters in the middle of the pinyin, another place\'s name, or a mixed query', () => {
    for (const typed of ['dz', 'zhen', '长桥', 'cqjd', 'md镇', '103']) expect(matchesPlace(MUDU, typed), typed).toBe(false);
  });
});
