import type { DomainHandlers } from '../router';
import * as settings from '../services/settings';

export const settingsHandlers = {
  'settings.get': settings.get,
  'settings.update': settings.update,
} satisfies DomainHandlers<'settings'>;
