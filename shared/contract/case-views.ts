/**
 * What the case pages show of a case and of its files: types only, shared by
 * cases.ts, case-attachments.ts and reports.ts so that none of them imports another.
 */
import type { AttachmentMediaType } from '../domain/attachment-files';
import type { ApplicantKind, CaseTypeCode } from '../domain/case-types';
import type { CaseAction, CaseState } from '../domain/workflow';

export interface CaseView {
  id: number;
  receiptNo: string | null;
  caseType: CaseTypeCode;
  caseLabel: string;
  applicantKind: ApplicantKind;
  /** Exactly one of the two is set, as applicantKind says. */
  personId: number | null;
  enterpriseId: number | null;
  /** The person's name or the enterprise's. */
  applicantName: string;
  /** The person's ID number masked, or the enterprise's credit code (public, not masked). */
  applicantIdentifier: string;
  state: CaseState;
  form: Record<string, string | null>;
  documents: { code: string; label: string; required: boolean; received: boolean }[];
  /** Files handed in, removed ones included (they are kept with their reason). */
  attachments: AttachmentView[];
  preparedByName: string | null;
  acceptedByName: string | null;
  acceptedOn: string | null;
  dueDate: string | null;
  overdue: boolean;
  decidedByName: string | null;
  decidedAt: string | null;
  decisionComment: string | null;
  /** What the decision relied on, frozen at that moment. */
  decisionSnapshot: {
    name: string;
    /** A person's facts (null for an enterprise). */
    employmentStatus: string | null;
    keyGroups: string[];
    age: number | null;
    /** An enterprise's facts (absent for a person). */
    creditCode?: string | null;
    enterpriseStatus?: string;
    sizeClass?: string | null;
    /** Names of the form's choices from the administrator's code tables as they read at the decision (absent in decisions taken before they were kept). */
    choiceLabels?: Record<string, string>;
  } | null;
  transitions: { action: CaseAction; fromState: CaseState; toState: CaseState; actorName: string | null; at: string; comment: string | null }[];
  /** What the caller may do next (the backend checks again on the call). */
  availableActions: { action: CaseAction; commentRequired: boolean }[];
  createdAt: string;
  version: number;
}

export interface CaseListItem {
  id: number;
  receiptNo: string | null;
  caseLabel: string;
  applicantKind: ApplicantKind;
  personId: number | null;
  enterpriseId: number | null;
  applicantName: string;
  state: CaseState;
  acceptedOn: string | null;
  dueDate: string | null;
  overdue: boolean;
  preparedByName: string | null;
}

/** One file handed in for a case, as the case page lists it (the bytes come from cases.readAttachment). */
export interface AttachmentView {
  id: number;
  /** A code of the case type's checklist, or 'other'. */
  documentCode: string;
  documentLabel: string;
  fileName: string;
  mediaType: AttachmentMediaType;
  sizeBytes: number;
  sha256: string;
  state: 'active' | 'removed';
  removedReason: string | null;
  uploadedByName: string | null;
  uploadedAt: string;
}
