import type { DomainHandlers } from '../router';
import * as office from '../services/office';

export const officeHandlers = {
  'office.status': office.status,
  'office.switchOn': office.switchOn,
  'office.switchOff': office.switchOff,
  'office.issuePairingCode': office.issuePairingCode,
  'office.pair': office.pair,
  'office.workstations': office.listWorkstations,
  'office.revoke': office.revoke,
} satisfies DomainHandlers<'office'>;
