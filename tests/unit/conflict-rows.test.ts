import { describe, expect, it } from 'vitest';
import type { RpcError } from '../../shared/rpc';
import { conflictRows, isStaleSave, reapply } from '../../renderer/shell/conflict-rows';

const FIELDS = [
  { key: 'name', label: '姓名' },
  { key: 'address', label: '详细地址' },
  { key: 'school', label: '毕业学校' },
  { key: 'major', label: '所学专业' },
];

describe('the second editor’s conflict, field by field (renderer/shell/conflict-rows.ts)', () => {
  const base = { name: '李秀英', address: '木渎镇金山路1号', school: '', major: '数控' };

  it('lists what she changed, what the other editor changed and what both changed, in form order', () => {
    const mine = { ...base, address: '木渎镇金山路8号', major: '电工' };
    const current = { ...base, school: '苏州技师学院', major: '机电' };
    expect(conflictRows(FIELDS, { base, mine, current })).toEqual([
      { key: 'address', label: '详细地址', mine: '木渎镇金山路8号', current: '木渎镇金山路1号', change: 'mine', result: '木渎镇金山路8号' },
      { key: 'school', label: '毕业学校', mine: '', current: '苏州技师学院', change: 'theirs', result: '苏州技师学院' },
      { key: 'major', label: '所学专业', mine: '电工', current: '机电', change: 'both', result: '电工' },
    ]);
  });

  it('a field both changed to the same value is no difference', () => {
    const same = { ...base, school: '苏州技师学院' };
    expect(conflictRows(FIELDS, { base, mine: same, current: same })).toEqual([]);
  });

  it('reapplying keeps the current version and carries over only the fields she changed', () => {
    const read = { name: '李秀英', tags: ['a'], phone: '' };
    const mine = { name: '李秀英', tags: ['a', 'b'], phone: '13912345678' };
    const current = { name: '李秀英（更名）', tags: ['a'], phone: '' };
    expect(reapply(read, mine, current)).toEqual({ name: '李秀英（更名）', tags: ['a', 'b'], phone: '13912345678' });
  });

  /** What renderer/api/client.ts throws for a refused call. */
  const refused = (error: RpcError) => Object.assign(new Error(error.message), { name: 'RpcCallError', error });

  it('only a stale version is resolved by reapplying; another refusal stays an error', () => {
    expect(isStaleSave(refused({ code: 'CONFLICT', message: '该档案已被他人修改', details: { currentVersion: 3 } }))).toBe(true);
    expect(isStaleSave(refused({ code: 'CONFLICT', message: '该档案已并入编号 7 的档案' }))).toBe(false);
    expect(isStaleSave(new Error('x'))).toBe(false);
  });
});
