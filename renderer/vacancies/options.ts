import { OCCUPATION_GROUPS, VACANCY_SOURCES, VACANCY_STATUSES } from '../../shared/domain/enterprise-codes';
import { CONTRACT_TYPES } from '../../shared/domain/case-types';
import { options } from '../enterprises/options';

export const CONTRACT_OPTIONS = options(CONTRACT_TYPES);
export const OCCUPATION_GROUP_OPTIONS = OCCUPATION_GROUPS.map(([value, label]) => ({ value, label: `${value} ${label}` }));
export const VACANCY_STATUS_OPTIONS = [...options(VACANCY_STATUSES), { value: 'all', label: '全部' }];
export const VACANCY_SOURCE_LABEL = (code: string) => VACANCY_SOURCES.find(([c]) => c === code)?.[1] ?? code;
