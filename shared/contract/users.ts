import { z } from 'zod';
import { ROLES, type Role } from '../roles';
import { method } from './define';
import { entityId, newPassword, rowVersion, text, username } from './fields';

export interface UserView {
  id: number;
  username: string;
  displayName: string;
  roles: Role[];
  disabled: boolean;
  mustChangePassword: boolean;
  /** Computers from which wrong passwords were tried lately (shared/domain/login-throttle.ts). */
  loginLimits: LoginLimitView[];
  /** The 就业服务站 the account works at; null for the bureau's own hall. */
  stationId: number | null;
  stationName: string | null;
  createdAt: string;
  version: number;
}

/** Wrong passwords for one account from one computer. */
export interface LoginLimitView {
  /** Where they came from: an address, 本机窗口, 命令行（user）. */
  client: string;
  failures: number;
  /** Until when that computer must wait before trying this account again; null: it may try now. */
  waitUntil: string | null;
}

const roles = z.array(z.enum(ROLES, '未知的角色')).min(1, '至少选择一个角色').max(ROLES.length);

export const usersContract = {
  'users.list': method<UserView[]>()({
    input: z.strictObject({}),
    access: 'users.manage',
    writes: false,
    title: '查看账号列表',
  }),
  'users.create': method<UserView>()({
    // Staff display names may carry a number or a department (王芳2、张伟（窗口3）).
    input: z.strictObject({ username, displayName: text(50), roles, password: newPassword, stationId: entityId.nullish() }),
    access: 'users.manage',
    writes: true,
    title: '新建账号',
  }),
  'users.setRoles': method<UserView>()({
    input: z.strictObject({ id: entityId, version: rowVersion, roles }),
    access: 'users.manage',
    writes: true,
    title: '调整账号角色',
  }),
  'users.setStation': method<UserView>()({
    input: z.strictObject({ id: entityId, version: rowVersion, stationId: entityId.nullable() }),
    access: 'users.manage',
    writes: true,
    title: '调整账号所属的就业服务站',
    labels: { stationId: '所属服务站' },
  }),
  'users.setDisabled': method<UserView>()({
    input: z.strictObject({ id: entityId, version: rowVersion, disabled: z.boolean(), reason: text(200) }),
    access: 'users.manage',
    writes: true,
    title: '停用或启用账号',
  }),
  'users.liftLoginLimits': method<UserView>()({
    input: z.strictObject({ id: entityId, reason: text(200) }),
    access: 'users.manage',
    writes: true,
    title: '解除账号的登录限制（密码错误次数清零）',
  }),
  'users.resetPassword': method<UserView>()({
    input: z.strictObject({ id: entityId, password: newPassword }),
    access: 'users.manage',
    writes: true,
    title: '重置账号密码',
  }),
};
