import { describe, expect, it } from 'vitest';
import { hasCaseEffect, registerCaseEffect } from '../../db/services/case-effects';
import { CASE_TYPES } from '../../shared/domain/case-types';
import { applyTransition, STANDARD_WORKFLOW } from '../../shared/domain/workflow';

describe('approval effects: declared as data, decided by the workflow, carried out by a registry', () => {
  it('has a handler for every effect a case type declares', () => {
    const declared = Object.values(CASE_TYPES).flatMap((t) => t.effects.onApprove);
    expect(declared.length).toBeGreaterThan(4);
    expect(declared.filter((name) => !hasCaseEffect(name))).toEqual([]);
  });

  it('refuses a second handler for the same effect', () => {
    expect(() => registerCaseEffect('set_status_employed', () => undefined)).toThrow(/twice/);
  });

  it('the workflow names the effects of an approval, none of any other step, and the kind of a refusal', () => {
    const facts = { preparedBy: 1, acceptedBy: 2, missingRequiredDocuments: [] };
    const reviewer = { userId: 3, roles: ['reviewer'] as const };
    const effects = ['set_status_employed'];
    const approved = applyTransition(STANDARD_WORKFLOW, 'in_review', 'approve', reviewer, facts, null, '2026-12-01T02:00:00Z', effects);
    expect(approved).toMatchObject({ ok: true, to: 'approved', effects });
    expect(applyTransition(STANDARD_WORKFLOW, 'accepted', 'start_review', reviewer, facts, null, '2026-12-01T02:00:00Z', effects)).toMatchObject({ ok: true, effects: [] });
    expect(applyTransition(STANDARD_WORKFLOW, 'approved', 'approve', reviewer, facts, null, '2026-12-01T02:00:00Z')).toMatchObject({ ok: false, kind: 'not_now' });
    expect(applyTransition(STANDARD_WORKFLOW, 'in_review', 'approve', { userId: 2, roles: ['reviewer'] }, facts, null, '2026-12-01T02:00:00Z')).toMatchObject({ ok: false, kind: 'not_yours' });
    expect(applyTransition(STANDARD_WORKFLOW, 'in_review', 'reject', reviewer, facts, ' ', '2026-12-01T02:00:00Z')).toMatchObject({ ok: false, kind: 'incomplete' });
  });
});
