import type { DomainHandlers } from '../router';
import * as backups from '../services/backups';

export const backupsHandlers = {
  'backups.start': backups.start,
  'backups.list': backups.list,
  'backups.verify': backups.verify,
} satisfies DomainHandlers<'backups'>;
