import { describe, expect, it } from 'vitest';
import { activeByName, countPersonMatches, nameMatches, personListPage } from '../../db/queries/persons';
import { COUNT_CAP } from '../../db/services/person-search';
import { PASSWORD, expectError, expectOk, readyDesk, type ReadyDesk } from './helpers';
import {
  CHANGQIAO,
  LI_XIUYING,
  MUDU,
  SHAN_TIANFANG,
  ZENG_XIAOXIAN,
  ZHANG_LI,
  ZHANG_SAN,
  idNumber,
  legacy15,
  namesFound,
  register,
  search,
} from './registry-helpers';

/** Five people of 吴中区 with different townships, statuses and schooling. */
function withFive(): ReadyDesk {
  const ready = readyDesk();
  register(ready, { ...ZHANG_SAN, residenceTownshipCode: CHANGQIAO.code, employmentStatus: 'employed', educationCode: '20' });
  register(ready, { ...ZHANG_LI, residenceTownshipCode: MUDU.code, employmentStatus: 'unemployed_registered', educationCode: '30' });
  register(ready, { ...LI_XIUYING, residenceTownshipCode: CHANGQIAO.code, employmentStatus: 'unemployed_registered', educationCode: '20' });
  register(ready, ZENG_XIAOXIAN);
  register(ready, SHAN_TIANFANG);
  return ready;
}

describe('searching the registry by what staff type', () => {
  it('finds a person by the full 18-digit ID number and by the old 15-digit card of the same person', () => {
    const ready = withFive();
    expect(legacy15(LI_XIUYING.idNumber)).toBe('320506920115004');
    for (const query of ['32050619920115004X', '32050619920115004x', '320506920115004']) {
      const found = search(ready, query);
      expect(found.matchedAs, query).toBe('idNumber');
      expect(found.total, query).toBe(1);
      expect(found.items.map((p) => p.name)).toEqual(['李秀英']);
    }
  });

  it('finds a person by six middle digits of the ID number through the trigram index', () => {
    const ready = withFive();
    const found = search(ready, '920115');
    expect(found).toMatchObject({ matchedAs: 'digits', total: 1 });
    expect(found.items.map((p) => p.name)).toEqual(['李秀英']);
    // The birth-date digits of 张三, with the check position of 李秀英's number (a lower-case x).
    expect(namesFound(ready, '19900512')).toEqual(['张三']);
    expect(namesFound(ready, '15004x')).toEqual(['李秀英']);
    expect(search(ready, '777777').total).toBe(0);
  });

  it('finds a person by the full mobile number however it is typed', () => {
    const ready = withFive();
    for (const query of ['13951001234', '+8613951001234', '+86 139 5100 1234', '139-5100-1234', '86 13951001234', '１３９５１００１２３４']) {
      const found = search(ready, query);
      expect(found.matchedAs, query).toBe('digits');
      expect(found.items.map((p) => p.name), query).toEqual(['张三']);
    }
  });

  it('finds a person by the last four digits of the phone', () => {
    const ready = withFive();
    expect(search(ready, '1234')).toMatchObject({ matchedAs: 'digits', total: 1 });
    expect(namesFound(ready, '1234')).toEqual(['张三']);
    expect(namesFound(ready, '8888')).toEqual(['单田芳']);
    expect(namesFound(ready, '9876')).toEqual(['李秀英']);
    // Digits in the middle of a phone are not its tail.
    expect(namesFound(ready, '5100')).toEqual([]);
  });

  it('finds people by the start of the name and by the given name alone', () => {
    const ready = withFive();
    const byPrefix = search(ready, '张');
    expect(byPrefix).toMatchObject({ matchedAs: 'name', total: 2 });
    expect(byPrefix.items.map((p) => p.name).sort()).toEqual(['张三', '张丽']);
    expect(namesFound(ready, '张丽')).toEqual(['张丽']);
    expect(search(ready, '秀英')).toMatchObject({ matchedAs: 'name', total: 1 });
    expect(namesFound(ready, '秀英')).toEqual(['李秀英']);
    expect(namesFound(ready, '小贤')).toEqual(['曾小贤']);
    expect(namesFound(ready, '王')).toEqual([]);
  });

  it('finds people by pinyin initials and by the start of the full pinyin', () => {
    const ready = withFive();
    expect(search(ready, 'zs')).toMatchObject({ matchedAs: 'pinyin', total: 1 });
    expect(namesFound(ready, 'zs')).toEqual(['张三']);
    expect(namesFound(ready, 'ZS')).toEqual(['张三']);
    expect(namesFound(ready, 'zhangs')).toEqual(['张三']);
    expect(namesFound(ready, 'zhang')).toEqual(['张三', '张丽']);
    expect(namesFound(ready, 'zhang li')).toEqual(['张丽']);
    expect(namesFound(ready, 'lxy')).toEqual(['李秀英']);
    expect(namesFound(ready, 'lixiuy')).toEqual(['李秀英']);
    expect(namesFound(ready, 'wq')).toEqual([]);
  });

  it('finds a polyphone surname by every reading staff might hear', () => {
    const ready = withFive();
    expect(namesFound(ready, 'zxx')).toEqual(['曾小贤']);
    expect(namesFound(ready, 'cxx')).toEqual(['曾小贤']);
    expect(namesFound(ready, 'zengxiaoxian')).toEqual(['曾小贤']);
    expect(namesFound(ready, 'cengx')).toEqual(['曾小贤']);
    expect(namesFound(ready, 'stf')).toEqual(['单田芳']);
    expect(namesFound(ready, 'dtf')).toEqual(['单田芳']);
    expect(namesFound(ready, 'shantianfang')).toEqual(['单田芳']);
    expect(namesFound(ready, 'dantian')).toEqual(['单田芳']);
  });

  it('lists everyone for an empty query and says so', () => {
    const ready = withFive();
    expect(search(ready, '')).toMatchObject({ matchedAs: 'all', total: 5 });
    expect(search(ready, '   ')).toMatchObject({ matchedAs: 'all', total: 5 });
  });
});

describe('name searches answered by statements rendered once', () => {
  it('count and page exactly as the search built per keystroke would, surname, full and given names, page by page', () => {
    const ready = withFive();
    for (const [i, name] of ['张伟', '张伟华', '张三丰', '王张', '李三'].entries()) register(ready, { idNumber: idNumber('320506', `1985-03-1${i}`, '031'), name });
    const { db } = ready.desk.database();
    for (const name of ['张', '张三', '张伟', '三', '伟华', '李', '王', '无此人']) {
      for (const page of [{ limit: 2, offset: 0 }, { limit: 2, offset: 2 }, { limit: 20, offset: 0 }, { limit: 1, offset: 9 }]) {
        const built = { where: activeByName(name) };
        const kept = nameMatches(db, name, COUNT_CAP, page);
        expect(kept.rows, `${name} ${JSON.stringify(page)}`).toEqual(personListPage(db, built, { ...page, order: 'name' }));
        expect(kept.counted, `${name} ${JSON.stringify(page)}`).toBe(countPersonMatches(db, built, COUNT_CAP));
      }
    }
    // Through the contract: a full first page still reports the whole total, a short one its own length.
    expect(search(ready, '张', { pageSize: 2 })).toMatchObject({ total: 5, matchedAs: 'name' });
    expect(search(ready, '张伟', { pageSize: 20 }).items.map((p) => p.name)).toEqual(['张伟', '张伟华']);
  });
});

describe('filters combined with the query', () => {
  it('narrows by township, employment status and schooling, alone and together', () => {
    const ready = withFive();
    expect(namesFound(ready, '', { filters: { residenceTownshipCode: CHANGQIAO.code } })).toEqual(['张三', '李秀英']);
    expect(namesFound(ready, '张', { filters: { residenceTownshipCode: CHANGQIAO.code } })).toEqual(['张三']);
    expect(namesFound(ready, '', { filters: { employmentStatus: 'unemployed_registered' } })).toEqual(['张丽', '李秀英']);
    expect(namesFound(ready, '', { filters: { employmentStatus: 'unemployed_registered', educationCode: '20' } })).toEqual(['李秀英']);
    expect(namesFound(ready, 'zhang', { filters: { educationCode: '30' } })).toEqual(['张丽']);
    expect(namesFound(ready, '', { filters: { residenceTownshipCode: MUDU.code, educationCode: '20' } })).toEqual([]);
    expect(search(ready, '', { filters: { residenceTownshipCode: CHANGQIAO.code, employmentStatus: 'employed' } }).total).toBe(1);
  });

  it('narrows by key group, also together with a query', () => {
    const ready = withFive();
    // 单田芳, a man born 1970, is past 50; nobody else is in the 4050 group.
    expect(namesFound(ready, '', { filters: { keyGroup: 'age_4050' } })).toEqual(['单田芳']);
    expect(namesFound(ready, 'dtf', { filters: { keyGroup: 'age_4050' } })).toEqual(['单田芳']);
    expect(namesFound(ready, '张', { filters: { keyGroup: 'age_4050' } })).toEqual([]);
    const listed = search(ready, 'stf').items[0]!;
    expect(listed.keyGroups).toEqual(['age_4050']);
  });

  it('counts age in whole years up to the birthday itself, and moves the band when the day changes', () => {
    const ready = readyDesk();
    // On 2026-11-27 (the test clock) 王芳芳 turns 40 today; 陈静 turns 40 tomorrow.
    register(ready, { idNumber: idNumber('320506', '1986-11-27', '002'), name: '王芳芳' });
    register(ready, { idNumber: idNumber('320506', '1986-11-28', '004'), name: '陈静' });
    register(ready, { idNumber: idNumber('320506', '1996-11-28', '006'), name: '刘洋' });
    expect(namesFound(ready, '', { filters: { ageMin: 40 } })).toEqual(['王芳芳']);
    expect(namesFound(ready, '', { filters: { ageMax: 39 } })).toEqual(['刘洋', '陈静']);
    expect(namesFound(ready, '', { filters: { ageMin: 40, ageMax: 40 } })).toEqual(['王芳芳']);
    expect(namesFound(ready, '', { filters: { ageMin: 30, ageMax: 39 } })).toEqual(['陈静']);
    expect(namesFound(ready, '', { filters: { ageMin: 29, ageMax: 29 } })).toEqual(['刘洋']);

    // The next morning (the idle lock engaged overnight; staff unlock first).
    ready.clock.advanceMinutes(24 * 60);
    expectOk(ready.call('auth.unlock', { password: PASSWORD }));
    expect(namesFound(ready, '', { filters: { ageMin: 40 } })).toEqual(['王芳芳', '陈静']);
    expect(namesFound(ready, '', { filters: { ageMax: 39 } })).toEqual(['刘洋']);
    expect(namesFound(ready, '', { filters: { ageMin: 30, ageMax: 30 } })).toEqual(['刘洋']);
    expect(search(ready, '陈静').items[0]!.age).toBe(40);
  });

  it('refuses an unknown key group or township code as bad input', () => {
    const ready = withFive();
    const unknownGroup = expectError(ready.call('persons.search', { query: '', filters: { keyGroup: 'students' } }), 'BAD_INPUT');
    expect(unknownGroup.fields).toEqual({ 'filters.keyGroup': '未知的重点群体' });
    const badTownship = expectError(ready.call('persons.search', { query: '', filters: { residenceTownshipCode: '3205061' } }), 'BAD_INPUT');
    expect(badTownship.fields).toEqual({ 'filters.residenceTownshipCode': '请从列表中选择乡镇（街道）' });
  });
});

describe('paging through results', () => {
  it('pages the whole list and keeps reporting the full total', () => {
    const ready = withFive();
    const pages = [1, 2, 3, 4].map((page) => search(ready, '', { page, pageSize: 2 }));
    expect(pages.map((p) => p.total)).toEqual([5, 5, 5, 5]);
    expect(pages.map((p) => p.items.length)).toEqual([2, 2, 1, 0]);
    expect(pages.map((p) => p.page)).toEqual([1, 2, 3, 4]);
    const names = pages.flatMap((p) => p.items.map((i) => i.name)).sort();
    expect(names).toEqual(['单田芳', '张三', '张丽', '曾小贤', '李秀英'].sort());
  });

  it('pages a filtered result with the filtered total', () => {
    const ready = withFive();
    const first = search(ready, 'zhang', { page: 1, pageSize: 1 });
    const second = search(ready, 'zhang', { page: 2, pageSize: 1 });
    expect([first.total, second.total]).toEqual([2, 2]);
    expect([...first.items, ...second.items].map((p) => p.name).sort()).toEqual(['张三', '张丽']);
  });

  it('pages a key group and a pinyin search in their own index, newest first, each person once', () => {
    const ready = withFive();
    // 曾 has two readings (zeng, ceng): 曾曾 has several matching keys (zz, zc, cz, cc …) and is still listed once.
    const zengZeng = register(ready, { idNumber: idNumber('320506', '1986-02-03', '016'), name: '曾曾', householdType: 'rural' });
    const onePerPage = (query: string, extra: Record<string, unknown> = {}) =>
      [1, 2, 3, 4, 5, 6].flatMap((page) => search(ready, query, { ...extra, page, pageSize: 1 }).items.map((p) => p.id));
    const onePage = (query: string) => search(ready, query, { pageSize: 50 }).items.map((p) => p.id);

    expect(onePerPage('', { filters: { keyGroup: 'rural_labour' } })).toEqual([zengZeng.id]);
    const z = onePerPage('z');
    expect(z).toEqual(onePage('z'));
    expect(z).toEqual([...z].sort((a, b) => b - a));
    // 曾曾, 曾小贤, 张丽, 张三: newest first, nobody twice although 曾曾 matches z by two keys.
    expect(z).toHaveLength(4);
    expect(z[0]).toBe(zengZeng.id);
    expect(search(ready, 'z').total).toBe(4);
  });

  it('lists the newest records first, and name matches in name order, each in the order of its index', () => {
    const ready = withFive();
    ready.clock.advanceMinutes(5);
    const zhangLi = search(ready, 'zl').items[0]!;
    expectOk(ready.call('persons.update', { id: zhangLi.id, version: 1, changes: { address: '木渎镇香溪路1号' }, reason: '补充地址' }));
    // A correction does not move a record up: the list is in registration order, newest first.
    const all = search(ready, '').items.map((p) => p.name);
    expect(all[all.length - 1]).toBe('张三');
    expect(search(ready, '张').items.map((p) => p.name)).toEqual(['张三', '张丽'].sort());
  });
});
