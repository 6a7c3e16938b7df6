import { z } from 'zod';
import type { Permission, Role } from '../roles';
import { method } from './define';
import { newPassword, password } from './fields';

export interface SessionView {
  userId: number;
  username: string;
  displayName: string;
  roles: Role[];
  permissions: Permission[];
  /** Set after an administrator's reset: only changing the password is allowed until then. */
  mustChangePassword: boolean;
  /** The session idled past the lock time: the screen must be unlocked with the password. */
  locked: boolean;
}

export const authContract = {
  'auth.login': method<SessionView>()({
    input: z.strictObject({
      username: z.string().trim().min(1, '请输入用户名').max(32, '不能超过32个字符'),
      password: z.string().min(1, '请输入密码').max(200, '不能超过200个字符'),
    }),
    access: 'public',
    writes: true,
    title: '登录',
  }),
  'auth.logout': method<null>()({
    input: z.strictObject({}),
    access: 'public',
    writes: false,
    title: '退出登录',
  }),
  'auth.session': method<SessionView | null>()({
    input: z.strictObject({}),
    access: 'public',
    writes: false,
    title: '查询当前登录状态',
  }),
  'auth.changePassword': method<null>()({
    input: z.strictObject({ currentPassword: password, newPassword }),
    access: 'session',
    writes: true,
    title: '修改本人密码',
  }),
  'auth.unlock': method<null>()({
    input: z.strictObject({ password }),
    access: 'session',
    writes: true,
    title: '解除锁屏',
  }),
};
