import { HIRING_ONE_TIME, JOB_EXPANSION, JOB_RETENTION } from './catalogue-enterprises';
import { FLEXIBLE_SOCIAL_INSURANCE, PUBLIC_WELFARE_POST, SOCIAL_INSURANCE } from './catalogue-monthly';
import { SKILL_UPGRADE, STARTUP_ONE_TIME, VOCATIONAL_TRAINING } from './catalogue-one-off';
import type { PolicyDefinition } from './definition';

/**
 * 政策库 seed: the subsidies of DOMAIN.md §3 as version 1 of each policy, all
 * amounts 待核 (amountsConfirmed: false). Codes are those of the 补贴目录
 * code table (migration 0013) — job_retention (稳岗返还) is new — so an
 * application's item_code names its policy. The backend copies these into the
 * database once; from then on the administrator's versions are the catalogue.
 */
export const SEED_POLICIES: readonly PolicyDefinition[] = [
  JOB_EXPANSION,
  JOB_RETENTION,
  SOCIAL_INSURANCE,
  PUBLIC_WELFARE_POST,
  FLEXIBLE_SOCIAL_INSURANCE,
  SKILL_UPGRADE,
  STARTUP_ONE_TIME,
  HIRING_ONE_TIME,
  VOCATIONAL_TRAINING,
];
