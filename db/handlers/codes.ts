import type { DomainHandlers } from '../router';
import * as codes from '../services/codes';

export const codesHandlers = {
  'codes.list': codes.list,
  'codes.save': codes.save,
} satisfies DomainHandlers<'codes'>;
