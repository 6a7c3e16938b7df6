/**
 * The fixed choice lists of the case forms (就业形式, 合同类型, 失业原因): closed lists so cases
 * can be counted by them. Lists an administrator edits live in editable-code-tables.ts instead.
 */

export const EMPLOYMENT_CHANNELS = [
  ['employer_job', '单位就业'], ['self_employed', '自主创业'], ['flexible', '灵活就业'], ['public_welfare_post', '公益性岗位'],
] as const;
export type EmploymentChannel = (typeof EMPLOYMENT_CHANNELS)[number][0];

/** Labour-contract forms of the 劳动合同法; asked only for employer jobs and public-welfare posts. */
export const CONTRACT_TYPES = [
  ['fixed_term', '固定期限劳动合同'], ['open_ended', '无固定期限劳动合同'],
  ['task_based', '以完成一定工作任务为期限的劳动合同'], ['part_time', '非全日制用工协议'],
] as const;
export type ContractType = (typeof CONTRACT_TYPES)[number][0];

/**
 * [confirm] Why the person is out of work, as the 失业登记 form asks; a closed list so the
 * register can be counted by cause (a 失业原因 typed as "x" cannot be).
 */
export const UNEMPLOYMENT_CAUSES = [
  ['contract_expired', '劳动合同期满终止'], ['dismissed', '用人单位解除劳动合同'], ['layoff', '单位经济性裁员'],
  ['employer_closed', '单位破产、关闭或撤销'], ['resigned', '本人辞职'], ['business_ended', '个体经营或创业停止'],
  ['graduate_not_employed', '毕业后未就业'], ['discharged_not_employed', '退役后未就业'], ['land_expropriated', '承包土地被征收'],
  ['other', '其他原因'],
] as const;

export const CASE_CODE_TABLES = { employment_channels: EMPLOYMENT_CHANNELS, contract_types: CONTRACT_TYPES, unemployment_causes: UNEMPLOYMENT_CAUSES } as const;
export type CaseCodeTable = keyof typeof CASE_CODE_TABLES;

/** Whether a choice's options are one of the fixed lists above (not an administrator's table). */
export function isCaseCodeTable(options: string | undefined): options is CaseCodeTable {
  return options !== undefined && Object.hasOwn(CASE_CODE_TABLES, options);
}
