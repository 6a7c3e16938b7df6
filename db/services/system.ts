import type { SystemInfo } from '../../shared/contract';
import type { ServiceContext } from '../context';
import { readSetting } from '../queries/settings';

export function info(ctx: ServiceContext): SystemInfo {
  const opened = ctx.database();
  return {
    appVersion: ctx.desk.appVersion,
    schemaVersion: opened.schemaVersion,
    county: { code: readSetting(opened.db, 'county_code'), name: readSetting(opened.db, 'county_name') },
  };
}
