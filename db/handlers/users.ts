import type { DomainHandlers } from '../router';
import * as users from '../services/users';

export const usersHandlers = {
  'users.list': users.list,
  'users.create': users.create,
  'users.setRoles': users.setRoles,
  'users.setStation': users.setStation,
  'users.setDisabled': users.setDisabled,
  'users.liftLoginLimits': users.liftLoginLimits,
  'users.resetPassword': users.resetPassword,
} satisfies DomainHandlers<'users'>;
