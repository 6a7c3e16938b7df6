import { z } from 'zod';
import type { MatchFilter } from '../domain/matching';
import { method } from './define';
import { entityId } from './fields';

/** What a vacancy's lawful requirement removed before ranking: how many, and whom (the first few by name). */
export interface MatchFilterReport {
  filter: MatchFilter;
  label: string;
  /** The requirement in words: 学历要求：大学专科及以上. */
  rule: string;
  removed: number;
  examples: string[];
}

export interface VacancyMatch {
  vacancyId: number;
  title: string;
  enterpriseId: number;
  enterpriseName: string;
  occupationCode: string;
  townshipName: string | null;
  salaryMinFen: number | null;
  salaryMaxFen: number | null;
  validTo: string;
  score: number;
  reasons: string[];
}

export interface PersonMatch {
  personId: number;
  name: string;
  phoneMasked: string | null;
  townshipName: string | null;
  educationLabel: string;
  occupationCode: string | null;
  score: number;
  reasons: string[];
}

interface MatchList<T> {
  items: T[];
  /** What the ranking went by, in words (the person's 求职意向, or the vacancy's occupation and requirement). */
  basis: string[];
  /** How the candidates were chosen before scoring (the occupation group), in words. */
  scope: string;
  filters: MatchFilterReport[];
  /** Candidates scored after the filters. */
  considered: number;
}

export type VacancyMatches = MatchList<VacancyMatch>;
export type PersonMatches = MatchList<PersonMatch>;

export const matchingContract = {
  'matching.forPerson': method<VacancyMatches>()({
    input: z.strictObject({ personId: entityId }),
    access: 'persons.read',
    writes: false,
    title: '人岗匹配：为求职者排序在招岗位（说明理由）',
  }),
  'matching.forVacancy': method<PersonMatches>()({
    input: z.strictObject({ vacancyId: entityId }),
    access: 'persons.read',
    writes: false,
    title: '人岗匹配：为岗位排序登记求职者（说明理由）',
  }),
};
