import type { Role } from './roles';

/**
 * The demo county: a seeded database of synthetic people (db/seed), opened
 * from the first-start screen beside — never instead of — the bureau's own
 * database. Its accounts share one published password, shown on the login
 * screen of the demo only: nothing in a demo is real, so nothing is secret.
 */
export const DEMO_MARK = '演示数据';
export const DEMO_NOTICE = '本库为系统生成的演示县数据，人员、企业和业务均为虚构，不含任何真实个人信息。';
export const DEMO_PASSWORD = 'yanshi-2026';

export interface DemoAccount {
  username: string;
  displayName: string;
  roles: Role[];
}

/** The first is the administrator made by setup; the others are created by the seed. */
export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { username: 'admin', displayName: '演示管理员', roles: ['admin'] },
  { username: 'qiantai', displayName: '陆晓燕（前台）', roles: ['front_desk'] },
  { username: 'qiantai2', displayName: '顾建华（前台）', roles: ['front_desk'] },
  { username: 'shenhe', displayName: '沈丽娟（审核）', roles: ['reviewer'] },
  { username: 'zhidao', displayName: '钱志明（职业指导）', roles: ['counselor'] },
  { username: 'juzhang', displayName: '朱国庆（局领导）', roles: ['head'] },
];

export const SEED_SCALE_NAMES = ['demo', 'county', 'city'] as const;
export type SeedScale = (typeof SEED_SCALE_NAMES)[number];
