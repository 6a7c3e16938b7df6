import type { CountyOption, JobView, SetupStatus } from '../../shared/contract';
import type { ParsedInputOf } from '../../shared/contract';
import { appendAudit } from '../audit';
import type { ServiceContext } from '../context';
import { legalCounties } from '../divisions';
import { AppError, fieldError } from '../errors';
import { hashPassword, passwordProblem } from '../passwords';
import { settings, userRoles } from '../schema';
import { KEY_GROUPS_AS_OF } from './person-derived';
import { optionalSetting, readSetting } from '../queries/settings';
import { bureauName } from './settings';

export function status(ctx: ServiceContext): SetupStatus {
  const state = ctx.desk.state();
  if (state.state !== 'ready') return state;
  const db = ctx.database().db;
  const demo = optionalSetting(db, 'demo') === 'true';
  return {
    state: 'ready',
    county: { code: readSetting(db, 'county_code'), name: readSetting(db, 'county_name') },
    bureauName: bureauName(db),
    ...(demo ? { demo: true } : {}),
    ...(ctx.desk.isDemoOpen() ? { demoLeavable: true } : {}),
  };
}

export function openDemo(ctx: ServiceContext): JobView {
  return ctx.desk.openDemo();
}

export function demoJob(ctx: ServiceContext): JobView | null {
  return ctx.desk.demoJob();
}

/**
 * 退出演示 deletes the demo for everyone training on it: a signed-in clerk may not, only an
 * administrator. The login screen offers it too (its accounts and password are printed there).
 */
export function leaveDemo(ctx: ServiceContext): { left: true } {
  if (ctx.actor && !ctx.actor.roles.includes('admin')) throw new AppError('FORBIDDEN', '只有系统管理员可以退出演示');
  ctx.desk.leaveDemo();
  return { left: true };
}

export function counties(ctx: ServiceContext): CountyOption[] {
  const divisions = ctx.divisions();
  const cities = new Map(divisions.filter((d) => d.level === 'city').map((d) => [d.code, d.name]));
  return legalCounties(divisions).map((c) => ({
    code: c.code,
    name: c.name,
    cityCode: c.parentCode,
    cityName: cities.get(c.parentCode) ?? '',
  }));
}

/** First run: the county database, its settings and the first administrator, in one transaction. */
export function initialize(ctx: ServiceContext, input: ParsedInputOf<'setup.initialize'>): { recoveryKey: string } {
  if (ctx.desk.state().state !== 'uninitialized') {
    throw new AppError('ALREADY_INITIALIZED', '本机已经建立了数据库，不能重复初始化');
  }
  const county = legalCounties(ctx.divisions()).find((c) => c.code === input.countyCode);
  if (!county) throw fieldError('countyCode', '不是江苏省现行的县级行政区划', '县（市、区）');
  const problem = passwordProblem(input.password, input.adminUsername);
  if (problem) throw fieldError('password', problem, '密码');

  const passwordHash = hashPassword(input.password);
  const recoveryKey = ctx.desk.createDatabase(({ db, sqlite }) => {
    const at = ctx.now.toISOString();
    db.insert(settings)
      .values([
        { key: 'county_code', value: county.code },
        { key: 'county_name', value: county.name },
        { key: 'created_at', value: at },
        { key: 'created_by_app_version', value: ctx.desk.appVersion },
        // An empty registry's stored key groups are current; each person's are kept by their recheck date.
        { key: KEY_GROUPS_AS_OF, value: ctx.today },
      ])
      .run();
    // Only the columns it writes are named (drizzle would name every column of today's table), so
    // setting up also works on the schema of the first version, as the upgrade test starts from it.
    const admin = sqlite
      .prepare('insert into users (username, display_name, password_hash, created_at, updated_at) values (?, ?, ?, ?, ?) returning id')
      .get(input.adminUsername, input.adminDisplayName, passwordHash, at, at) as { id: number };
    const roles = input.alsoFrontDesk ? (['admin', 'front_desk'] as const) : (['admin'] as const);
    db.insert(userRoles)
      .values(roles.map((role) => ({ userId: admin.id, role })))
      .run();
    appendAudit(sqlite, { userId: null, name: null }, ctx.now, {
      action: 'setup.initialize',
      entityType: 'user',
      entityId: admin.id,
      detail: { countyCode: county.code, roles: [...roles] },
    });
  });
  return { recoveryKey };
}
