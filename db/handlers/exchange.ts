import type { DomainHandlers } from '../router';
import * as exchange from '../services/exchange';

export const exchangeHandlers = {
  'exchange.status': exchange.status,
  'exchange.generateCountyKey': exchange.generateCountyKey,
  'exchange.exportPublicKey': exchange.exportPublicKey,
  'exchange.importProvinceKey': exchange.importProvinceKey,
  'exchange.saveSettings': exchange.saveSettings,
  'exchange.exportStart': exchange.exportStart,
  'exchange.history': exchange.history,
  'exchange.resend': exchange.resend,
  'exchange.importReceipt': exchange.importReceipt,
  'exchange.rejected': exchange.rejected,
} satisfies DomainHandlers<'exchange'>;
