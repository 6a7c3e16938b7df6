import { describe, expect, it } from 'vitest';
import { readyDesk, type ReadyDesk } from './helpers';
import { ZHANG_SAN, idNumber, namesFound, register, search, searchKeys } from './registry-helpers';

/** Names and numbers whose search keys are easy to get wrong. */
function withEdges(): ReadyDesk {
  const ready = readyDesk();
  register(ready, ZHANG_SAN);
  register(ready, { idNumber: idNumber('320506', '1979-02-14', '016'), name: '吕小明', phone: '13655550001' });
  register(ready, { idNumber: idNumber('320506', '1995-08-30', '020'), name: '欧阳娜娜', phone: '13655550002' });
  register(ready, { idNumber: idNumber('320506', '1982-12-01', '037'), name: '褚建国', phone: '13655550003' });
  return ready;
}

describe('pinyin of names with ü, compound surnames and polyphones', () => {
  it('finds 吕 by the initials staff type', () => {
    const ready = withEdges();
    expect(namesFound(ready, 'lxm')).toEqual(['吕小明']);
  });

  // Staff type ü as v (every Chinese input method does). The key must not
  // drop the vowel: 'lxiaoming' is what is stored today.
  it('finds 吕小明 by full pinyin typed with v for ü', () => {
    const ready = withEdges();
    const person = search(ready, 'lxm').items[0]!;
    expect(searchKeys(ready, person.id)).toContain('lvxiaoming');
    expect(namesFound(ready, 'lvxiaoming')).toEqual(['吕小明']);
    expect(namesFound(ready, 'lvx')).toEqual(['吕小明']);
  });

  it('finds a compound surname by its pinyin and the name by its start', () => {
    const ready = withEdges();
    expect(namesFound(ready, 'oynn')).toEqual(['欧阳娜娜']);
    expect(namesFound(ready, 'ouyang')).toEqual(['欧阳娜娜']);
    expect(namesFound(ready, '欧阳')).toEqual(['欧阳娜娜']);
  });

  // "The given name in characters is a key too, for staff who only remember
  // 秀英" (shared/domain/pinyin-keys.ts). The given name of 欧阳娜娜 is 娜娜.
  it('finds 欧阳娜娜 by her given name alone', () => {
    const ready = withEdges();
    expect(namesFound(ready, '娜娜')).toEqual(['欧阳娜娜']);
  });

  it('finds 褚 by both readings', () => {
    const ready = withEdges();
    expect(namesFound(ready, 'cjg')).toEqual(['褚建国']);
    expect(namesFound(ready, 'zhujianguo')).toEqual(['褚建国']);
  });
});

describe('digits that look like a mobile number', () => {
  it('finds a person by the eight birth-date digits and three sequence digits of the ID', () => {
    const ready = withEdges();
    // 张三: 320506 19900512 013 4. The fragment 19900512013 also reads as a 199 mobile number.
    expect(search(ready, '1990051201').items.map((p) => p.name)).toEqual(['张三']);
    expect(search(ready, '19900512013').items.map((p) => p.name)).toEqual(['张三']);
  });
});
