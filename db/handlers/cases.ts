import type { DomainHandlers } from '../router';
import * as caseAttachments from '../services/case-attachments';
import * as cases from '../services/cases';

export const casesHandlers = {
  'cases.create': cases.create,
  'cases.update': cases.update,
  'cases.transition': cases.transition,
  'cases.get': cases.get,
  'cases.list': cases.list,
  'cases.attach': caseAttachments.attach,
  'cases.removeAttachment': caseAttachments.removeAttachment,
  'cases.readAttachment': caseAttachments.readAttachment,
} satisfies DomainHandlers<'cases'>;
