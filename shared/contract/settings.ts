import { z } from 'zod';
import { method } from './define';
import { FAIR_CHECK_IN_GRACE_MAX_DAYS } from '../domain/fair-check-in';

export interface DeskSettings {
  /** Minutes without input before the screen locks (unsaved forms are kept). */
  idleLockMinutes: number;
  /** The name the administrator set for letterheads and seals; null prints the default. */
  bureauName: string | null;
  /** What prints when bureauName is null: the county's 人力资源和社会保障局. */
  defaultBureauName: string;
  /** Days after a 招聘会's last day on which late 入场登记 (补登记) is still taken; 0 = none. */
  fairCheckInGraceDays: number;
}

export const settingsContract = {
  'settings.get': method<DeskSettings>()({
    input: z.strictObject({}),
    access: 'session',
    writes: false,
    title: '查看系统设置',
  }),
  'settings.update': method<DeskSettings>()({
    input: z.strictObject({
      idleLockMinutes: z.number().int('应为整数').min(1, '至少1分钟').max(120, '最多120分钟'),
      /** Blank or null: back to the default name. */
      bureauName: z.string().max(100, '机构名称过长').nullish(),
      /** Absent leaves it as it is. */
      fairCheckInGraceDays: z.number().int('应为整数').min(0, '不能小于0').max(FAIR_CHECK_IN_GRACE_MAX_DAYS, `最多${FAIR_CHECK_IN_GRACE_MAX_DAYS}天`).optional(),
    }),
    labels: { idleLockMinutes: '无操作自动锁屏', bureauName: '机构名称', fairCheckInGraceDays: '招聘会补登记天数' },
    access: 'settings.manage',
    writes: true,
    title: '修改系统设置',
  }),
};
