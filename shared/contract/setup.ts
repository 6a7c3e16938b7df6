import { z } from 'zod';
import { method } from './define';
import type { JobView } from './jobs';
import { newPassword, personName, text, username } from './fields';

export interface CountyOption {
  code: string;
  name: string;
  cityCode: string;
  cityName: string;
}

/** `in_use`: another desk (the app, a host) has this database open; `message` names it. */
export type DeskState = 'uninitialized' | 'ready' | 'unavailable' | 'in_use';

export interface SetupStatus {
  state: DeskState;
  /** Why the database cannot be opened (wrong key, newer version …, or who holds it), when `unavailable` or `in_use`. */
  message?: string;
  county?: { code: string; name: string };
  /** The name on letterheads and seals (系统设置, or the county's 人力资源和社会保障局). */
  bureauName?: string;
  /** The open database holds synthetic data (setting `demo = true`): every screen and printout says 演示数据. */
  demo?: boolean;
  /** The open database is the demo county opened from the first-start screen, which 退出演示 deletes. */
  demoLeavable?: boolean;
}

export const setupContract = {
  'setup.status': method<SetupStatus>()({
    input: z.strictObject({}),
    access: 'public',
    writes: false,
    title: '查询系统初始化状态',
  }),
  'setup.counties': method<CountyOption[]>()({
    input: z.strictObject({}),
    access: 'public',
    writes: false,
    title: '列出可选的县（市、区）',
  }),
  'setup.initialize': method<{ recoveryKey: string }>()({
    input: z.strictObject({
      countyCode: z.string().regex(/^32\d{4}$/, '请选择江苏省的县（市、区）'),
      adminUsername: username,
      adminDisplayName: personName,
      password: newPassword,
      /** Small offices: the administrator also works the front desk. */
      alsoFrontDesk: z.boolean().default(false),
      note: text(200, false).optional(),
    }),
    access: 'public',
    writes: true,
    title: '首次使用：创建本县数据库和管理员',
  }),
  'setup.openDemo': method<JobView>()({
    input: z.strictObject({}),
    access: 'public',
    // Writes only the demo's own new file, never the bureau's database: nothing to audit there.
    writes: false,
    title: '首次使用：打开演示县（生成演示数据）',
  }),
  'setup.demoJob': method<JobView | null>()({
    input: z.strictObject({}),
    access: 'public',
    writes: false,
    title: '查看演示县的生成进度',
  }),
  'setup.leaveDemo': method<{ left: true }>()({
    input: z.strictObject({}),
    access: 'public',
    writes: false,
    title: '退出演示县（删除演示数据，回到首次使用）',
  }),
};
