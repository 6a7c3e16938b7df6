import { z } from 'zod';
import { CANCELLATION_REASONS } from '../domain/case-types';
import type { AftercareEventKind } from '../domain/person-contacts';
import { method } from './define';
import { entityId, page, pageSize, rowVersion, text } from './fields';
import { isoDate } from './person-fields';

/** A registered-unemployed person without contact for 6 months: proposed for 注销 (no_contact_6_months). */
export interface NoContactProposal {
  caseId: number;
  caseVersion: number;
  receiptNo: string | null;
  personId: number;
  personName: string;
  registeredOn: string;
  lastContactOn: string | null;
  /** The later of the two: the 6 months count from here. */
  countedFrom: string;
}

/** An approved 失业登记 or 就业困难人员认定 and what happened to it after the decision. */
export interface InForceCase {
  caseId: number;
  version: number;
  caseType: 'unemployment_registration' | 'difficulty_certification';
  receiptNo: string | null;
  personId: number;
  personName: string;
  acceptedOn: string | null;
  /** Registration: follow-up due and whether a contact has satisfied it. */
  followUpDue: string | null;
  followedUpOn: string | null;
  /** Certification: category, validity, suspension and review. */
  category: string | null;
  validFrom: string | null;
  validTo: string | null;
  suspendedOn: string | null;
  suspensionReason: string | null;
  lastReviewedOn: string | null;
  reviewDue: string | null;
  /** 'in_force' | 'suspended' | 'expired' | 'ended' */
  status: 'in_force' | 'suspended' | 'expired' | 'ended';
  endedOn: string | null;
  endReason: string | null;
  endReasonLabel: string | null;
  endNote: string | null;
  endedByName: string | null;
  events: { kind: AftercareEventKind; label: string; onDate: string; reason: string | null; reasonLabel: string | null; note: string | null; actorName: string | null; at: string }[];
}

export const registrationsContract = {
  'registrations.forPerson': method<InForceCase[]>()({
    input: z.strictObject({ personId: entityId }),
    access: 'cases.read',
    writes: false,
    title: '查看某人有效的失业登记与就业困难认定',
  }),
  'registrations.cancel': method<InForceCase>()({
    input: z.strictObject({
      caseId: entityId,
      version: rowVersion,
      reason: z.enum(CANCELLATION_REASONS.map((r) => r.code) as [string, ...string[]], '请从列表中选择注销原因'),
      onDate: isoDate,
      note: text(500, false).nullish(),
    }),
    // Which role may use which reason is data (CANCELLATION_REASONS); the service checks it.
    access: 'cases.read',
    writes: true,
    title: '注销失业登记',
    labels: { reason: '注销原因', onDate: '注销日期', note: '说明' },
  }),
  'registrations.noContactProposals': method<{ items: NoContactProposal[]; total: number; cutoff: string }>()({
    input: z.strictObject({ page, pageSize }),
    access: 'cases.read',
    writes: false,
    title: '连续6个月未联系、建议注销的失业登记',
  }),
};
