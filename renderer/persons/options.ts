import { EDUCATION_LEVELS, EMPLOYMENT_STATUSES, ETHNICITIES, HEALTH_STATUSES, POLITICAL_STATUSES } from '../../shared/domain/code-tables';
import { KEY_GROUP_CODES, KEY_GROUP_LABELS } from '../../shared/domain/key-groups';
import { EMPLOYMENT_STATUS_LABELS } from '../../shared/labels/zh-CN';

const options = (table: ReadonlyArray<readonly [string, string]>) => table.map(([value, label]) => ({ value, label }));

export const ETHNICITY_OPTIONS = options(ETHNICITIES);
export const POLITICAL_OPTIONS = options(POLITICAL_STATUSES);
export const EDUCATION_OPTIONS = options(EDUCATION_LEVELS);
export const HEALTH_OPTIONS = options(HEALTH_STATUSES);
export const EMPLOYMENT_OPTIONS = EMPLOYMENT_STATUSES.map((value) => ({ value, label: EMPLOYMENT_STATUS_LABELS[value] }));
export const KEY_GROUP_OPTIONS = KEY_GROUP_CODES.map((value) => ({ value, label: KEY_GROUP_LABELS[value] }));
export const DISABILITY_OPTIONS = ['1', '2', '3', '4'].map((value) => ({ value, label: `${value}级` }));

