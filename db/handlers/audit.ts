import type { DomainHandlers } from '../router';
import * as audit from '../services/audit';

export const auditHandlers = {
  'audit.list': audit.list,
  'audit.exportXlsx': audit.exportXlsx,
  'audit.verify': audit.verify,
  'audit.personAccessReport': audit.personAccessReport,
  'audit.recordPrint': audit.recordPrint,
} satisfies DomainHandlers<'audit'>;
