/**
 * 部门数据比对: the lists other departments send the bureau — 社保 contribution
 * months per person and per employer, 民政's 低保/特困/低收入 lists, deaths
 * (公安/卫健), 市场监管's business registrations and 残联's disability
 * certificates. Each is imported as a dated file (数据截止日期) and becomes the
 * facts the policy engine tests (policies/facts.ts). Here: the sources, the
 * columns a department's file has (found by label and synonyms, as in every
 * import) and the code tables of their cells.
 */
import type { ColumnSpec } from './import-columns';

export const FACT_SOURCES = [
  ['person_insurance', '社保个人'],
  ['employer_insurance', '社保单位'],
  ['assistance', '民政'],
  ['deaths', '死亡'],
  ['business_registrations', '市场监管'],
  ['disability_certificates', '残联'],
] as const;
export type FactSource = (typeof FACT_SOURCES)[number][0];

export interface FactSourceInfo {
  label: string;
  /** The department the file comes from and what it holds, for the page and the history. */
  department: string;
  content: string;
  /** Whose facts the rows are: persons matched by ID number, enterprises by credit code. */
  target: 'person' | 'enterprise';
  /** The template's sheet and file name. */
  sheetName: string;
  /**
   * Each file lists everyone as of its 数据截止日期 (a person missing from a later
   * file is no longer on the list); false for deaths, whose lists name only the
   * deaths since the previous one.
   */
  complete: boolean;
}

export const FACT_SOURCE_INFO: Record<FactSource, FactSourceInfo> = {
  person_insurance: { label: '社保个人', department: '社保经办机构', content: '个人累计及近12个月缴费月数、当前参保单位', target: 'person', sheetName: '社保个人缴费', complete: true },
  employer_insurance: { label: '社保单位', department: '社保经办机构', content: '单位参保人数及变化、上年度减员、实缴失业保险费、欠费', target: 'enterprise', sheetName: '社保单位缴费', complete: true },
  assistance: { label: '民政', department: '民政部门', content: '低保、特困、低收入人员名单', target: 'person', sheetName: '民政救助名单', complete: true },
  deaths: { label: '死亡', department: '公安、卫健部门', content: '死亡人员名单', target: 'person', sheetName: '死亡名单', complete: false },
  business_registrations: { label: '市场监管', department: '市场监管部门', content: '企业、个体工商户及其法定代表人或经营者', target: 'person', sheetName: '经营主体登记', complete: true },
  disability_certificates: { label: '残联', department: '残联', content: '残疾人证', target: 'person', sheetName: '残疾人证', complete: true },
};

export function factSourceLabel(source: string): string {
  return FACT_SOURCES.find(([code]) => code === source)?.[1] ?? source;
}

const ID_SYNONYMS = ['公民身份号码', '身份证号码', '证件号码', '身份证', '身份证件号码', '社会保障号码', '社会保障卡号'];
const CREDIT_SYNONYMS = ['信用代码', '社会信用代码', '统一代码', '注册号', '统一社会信用代码(注册号)'];
const idNumber: ColumnSpec = { field: 'idNumber', label: '身份证号', synonyms: ID_SYNONYMS, required: true };
const personName: ColumnSpec = { field: 'name', label: '姓名', synonyms: ['人员姓名', '参保人姓名', '参保人员姓名'], required: true };

export const FACT_COLUMNS: Record<FactSource, ColumnSpec[]> = {
  person_insurance: [
    idNumber,
    personName,
    { field: 'monthsTotal', label: '累计缴费月数', synonyms: ['缴费月数', '累计月数', '实际缴费月数', '累计缴费月份数', '失业保险累计缴费月数'], required: true },
    { field: 'monthsLast12', label: '近12个月缴费月数', synonyms: ['近一年缴费月数', '最近12个月缴费月数', '近十二个月缴费月数', '近12个月缴费月份数'], required: true },
    { field: 'employerCreditCode', label: '参保单位统一社会信用代码', synonyms: ['单位统一社会信用代码', '参保单位信用代码', '单位信用代码', '统一社会信用代码'] },
    { field: 'employerSince', label: '本单位参保起始日期', synonyms: ['本单位参保日期', '本单位缴费起始日期', '参保起始日期', '参保日期'] },
  ],
  employer_insurance: [
    { field: 'creditCode', label: '统一社会信用代码', synonyms: ['单位统一社会信用代码', ...CREDIT_SYNONYMS], required: true },
    { field: 'name', label: '单位名称', synonyms: ['企业名称', '参保单位', '参保单位名称', '用人单位', '用人单位名称'], required: true },
    { field: 'insuredHeadcount', label: '参保人数', synonyms: ['在职参保人数', '当前参保人数', '参保职工人数'], required: true },
    { field: 'headcountYearAgo', label: '上年同期参保人数', synonyms: ['去年同期参保人数'] },
    { field: 'headcountStartLastYear', label: '上年初参保人数', synonyms: ['上年年初参保人数', '上年度年初参保人数'] },
    { field: 'reductionsLastYear', label: '上年度减员人数', synonyms: ['上年减员人数', '上年度减少人数'] },
    { field: 'uiPaidLastYear', label: '上年度实缴失业保险费（元）', synonyms: ['上年度实缴失业保险费', '上年度失业保险费', '上年实缴失业保险费'] },
    { field: 'arrears', label: '是否欠费', synonyms: ['欠费', '欠费情况', '是否欠缴', '欠缴情况'], required: true },
  ],
  assistance: [
    idNumber,
    personName,
    { field: 'kind', label: '类别', synonyms: ['救助类别', '保障类别', '人员类别', '类型', '救助类型'], required: true },
    { field: 'fromDate', label: '起始日期', synonyms: ['开始日期', '享受起始日期', '保障起始日期', '起始时间'] },
    { field: 'toDate', label: '终止日期', synonyms: ['结束日期', '享受终止日期', '保障终止日期', '终止时间'] },
  ],
  deaths: [idNumber, personName, { field: 'diedOn', label: '死亡日期', synonyms: ['死亡时间'], required: true }],
  business_registrations: [
    { field: 'creditCode', label: '统一社会信用代码', synonyms: CREDIT_SYNONYMS, required: true },
    { field: 'businessName', label: '主体名称', synonyms: ['企业名称', '名称', '市场主体名称', '经营主体名称', '个体工商户名称', '字号名称'], required: true },
    { field: 'idNumber', label: '法定代表人或经营者身份证号', synonyms: ['法定代表人身份证号', '经营者身份证号', '负责人身份证号', '身份证号', ...ID_SYNONYMS], required: true },
    { field: 'name', label: '姓名', synonyms: ['法定代表人', '法定代表人姓名', '经营者', '经营者姓名', '负责人'], required: true },
    { field: 'foundedOn', label: '成立日期', synonyms: ['登记日期', '注册日期', '成立时间'], required: true },
    { field: 'status', label: '登记状态', synonyms: ['状态', '经营状态', '企业状态'], required: true },
  ],
  disability_certificates: [
    idNumber,
    personName,
    { field: 'certificateNo', label: '残疾人证号', synonyms: ['残疾证号', '残疾人证编号', '证号'], required: true },
    { field: 'category', label: '残疾类别', synonyms: ['残疾类型'] },
    { field: 'grade', label: '残疾等级', synonyms: ['残疾级别'] },
    { field: 'validTo', label: '有效期至', synonyms: ['有效期', '有效期止', '证件有效期', '有效截止日期'] },
  ],
};

/** Columns kept as text in the template, so an 18-digit number typed later keeps its digits. */
export const FACT_TEXT_FIELDS = ['idNumber', 'creditCode', 'employerCreditCode', 'certificateNo'];

export const ASSISTANCE_KINDS = [['dibao', '低保'], ['extreme_poverty', '特困'], ['low_income', '低收入']] as const;
export type AssistanceKind = (typeof ASSISTANCE_KINDS)[number][0];

/** 类别 as 民政's lists write it; the first label of each code is the one named in a reason. */
export const ASSISTANCE_CHOICES: Record<string, AssistanceKind> = {
  低保: 'dibao', 特困: 'extreme_poverty', 低收入: 'low_income',
  低保对象: 'dibao', 城乡低保: 'dibao', 城市低保: 'dibao', 农村低保: 'dibao', 最低生活保障: 'dibao',
  特困人员: 'extreme_poverty', 特困供养: 'extreme_poverty', 特困供养人员: 'extreme_poverty',
  低收入人口: 'low_income', 低收入家庭: 'low_income', 低收入户: 'low_income', 低保边缘: 'low_income', 低保边缘家庭: 'low_income',
};

/** 登记状态: 存续 (在营、开业、在册) or gone (注销、吊销、撤销). A firm that moved away (迁出) still exists. */
export const BUSINESS_STATUS_CHOICES: Record<string, 'operating' | 'closed'> = {
  在营: 'operating', 注销: 'closed', 存续: 'operating', 开业: 'operating', 在册: 'operating', 迁出: 'operating',
  '存续(在营、开业、在册)': 'operating', 吊销: 'closed', 撤销: 'closed', 已注销: 'closed', 已吊销: 'closed',
};

export const ARREARS_CHOICES: Record<string, 'yes' | 'no'> = { 是: 'yes', 否: 'no', 有: 'yes', 无: 'no', 欠费: 'yes', 未欠费: 'no', 不欠费: 'no', y: 'yes', n: 'no' };

/** GB/T 26341-2010 残疾分类: the 19th character of a 20-digit 残疾人证号 is the category, the 20th the grade. */
export const DISABILITY_CATEGORIES = [
  ['1', '视力残疾'], ['2', '听力残疾'], ['3', '言语残疾'], ['4', '肢体残疾'], ['5', '智力残疾'], ['6', '精神残疾'], ['7', '多重残疾'],
] as const;
export const DISABILITY_GRADES = [['1', '一级'], ['2', '二级'], ['3', '三级'], ['4', '四级']] as const;

export const DISABILITY_CATEGORY_CHOICES: Record<string, string> = Object.fromEntries([
  ...DISABILITY_CATEGORIES.map(([code, label]) => [label, code]),
  ...DISABILITY_CATEGORIES.map(([code, label]) => [label.slice(0, -2), code]),
]);
export const DISABILITY_GRADE_CHOICES: Record<string, string> = Object.fromEntries([
  ...DISABILITY_GRADES.map(([code, label]) => [label, code]),
  ...DISABILITY_GRADES.map(([code, label]) => [`${label}残疾`, code]),
  ...DISABILITY_GRADES.map(([code]) => [`${code}级`, code]),
]);

export const labelOf = (table: ReadonlyArray<readonly [string, string]>, code: string | null): string | null =>
  code === null ? null : (table.find(([c]) => c === code)?.[1] ?? code);
