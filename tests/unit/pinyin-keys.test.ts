import { describe, expect, it } from 'vitest';
import { nameSearchKeys } from '../../shared/domain/pinyin-keys';

describe('pinyin search keys of a name', () => {
  it('gives full pinyin, initials and the given name, with every reading of a polyphone surname', () => {
    expect(nameSearchKeys('张三')).toEqual(['zhangsan', 'zs', '三']);
    expect(nameSearchKeys('曾小红')).toEqual(expect.arrayContaining(['zengxiaohong', 'zxh', 'cengxiaohong', 'cxh', '小红']));
    expect(nameSearchKeys('欧阳娜娜')).toEqual(expect.arrayContaining(['ouyangnana', 'oynn', '娜娜']));
  });

  it('answers a repeated name from its memo with the same keys, and a caller changing its copy changes nothing', () => {
    const first = nameSearchKeys('李秀英');
    first.push('tampered');
    first[0] = 'x';
    expect(nameSearchKeys('李秀英')).toEqual(['lixiuying', 'lxy', '秀英'].sort());
  });
});
