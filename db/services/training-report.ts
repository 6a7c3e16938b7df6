/**
 * The monthly report's training lines: additive to 就业失业情况月报, read from
 * the training tables for the report period (office days, inclusive).
 * 本期培训结业人数: distinct persons with an enrolment 结业 (completed_on) in the
 * period, counted once per programme kind. 本期取得证书人数: distinct persons
 * with a certificate issued in the period and not revoked.
 */
import type { MonthlyReport } from '../../shared/contract';
import { TRAINING_KINDS } from '../../shared/domain/training';
import type { ServiceContext } from '../context';

export function trainingInPeriod(database: ReturnType<ServiceContext['database']>, from: string, to: string): MonthlyReport['training'] {
  const byKind = new Map((database.sqlite.prepare(`
    select p.kind as kind, count(distinct e.person_id) as n from training_enrolments e
    join training_classes c on c.id = e.class_id join training_programmes p on p.id = c.programme_id
    where e.status = 'completed' and e.completed_on between ? and ? group by p.kind`).all(from, to) as { kind: string; n: number }[]).map((r) => [r.kind, r.n]));
  const certified = (database.sqlite.prepare(`
    select count(distinct e.person_id) as n from training_certificates t join training_enrolments e on e.id = t.enrolment_id
    where t.issued_on between ? and ? and t.revoked_on is null`).get(from, to) as { n: number }).n;
  return { completedByKind: Object.fromEntries(TRAINING_KINDS.map(([k]) => [k, byKind.get(k) ?? 0])) as MonthlyReport['training']['completedByKind'], certified };
}
