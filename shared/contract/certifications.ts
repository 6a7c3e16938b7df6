import { z } from 'zod';
import { DIFFICULTY_EXIT_REASONS, DIFFICULTY_SUSPENSION_REASONS } from '../domain/case-types';
import { method } from './define';
import { codesOf, entityId, page, pageSize, rowVersion, text } from './fields';
import { isoDate } from './person-fields';
import type { InForceCase } from './registrations';

const note = text(500, false).nullish();
const onDate = isoDate;
const version = rowVersion;

export const certificationsContract = {
  'certifications.review': method<InForceCase>()({
    input: z.strictObject({ caseId: entityId, version, onDate, note }),
    access: 'cases.read',
    writes: true,
    title: '就业困难人员年度复核',
    labels: { onDate: '复核日期', note: '复核情况' },
  }),
  'certifications.suspend': method<InForceCase>()({
    input: z.strictObject({ caseId: entityId, version, onDate, reason: z.enum(codesOf(DIFFICULTY_SUSPENSION_REASONS), '请从列表中选择暂停原因'), note }),
    access: 'cases.read',
    writes: true,
    title: '暂停就业困难人员认定',
    labels: { onDate: '暂停日期', reason: '暂停原因', note: '说明' },
  }),
  'certifications.resume': method<InForceCase>()({
    input: z.strictObject({ caseId: entityId, version, onDate, note }),
    access: 'cases.read',
    writes: true,
    title: '恢复就业困难人员认定',
    labels: { onDate: '恢复日期', note: '说明' },
  }),
  'certifications.exit': method<InForceCase>()({
    input: z.strictObject({ caseId: entityId, version, onDate, reason: z.enum(codesOf(DIFFICULTY_EXIT_REASONS), '请从列表中选择退出原因'), note }),
    access: 'cases.read',
    writes: true,
    title: '退出就业困难人员认定',
    labels: { onDate: '退出日期', reason: '退出原因', note: '说明' },
  }),
  'certifications.reviewsDue': method<{ items: InForceCase[]; total: number }>()({
    input: z.strictObject({ withinDays: z.number().int().min(0).max(366).default(30), page, pageSize }),
    access: 'cases.read',
    writes: false,
    title: '到期应复核的就业困难人员认定',
  }),
};
