import { z } from 'zod';
import type { Sex } from '../domain/id-number';
import { ETHNICITY_CODES, HOUSEHOLD_TYPES, type HouseholdType } from '../domain/code-tables';
import { method } from './define';
import { entityId, page, pageSize, personName, rowVersion, text } from './fields';

/** A person as staff see it: ID number and phone masked (a full reveal is an audited act). */
export interface PersonView {
  id: number;
  idNumberMasked: string;
  name: string;
  sex: Sex;
  birthDate: string;
  phoneMasked: string | null;
  ethnicityCode: string | null;
  householdType: HouseholdType | null;
  residenceTownshipCode: string | null;
  residenceTownshipName: string | null;
  address: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface PersonListItem {
  id: number;
  idNumberMasked: string;
  name: string;
  sex: Sex;
  birthDate: string;
  phoneMasked: string | null;
  residenceTownshipName: string | null;
}

export interface PersonSearchResult {
  items: PersonListItem[];
  total: number;
  page: number;
  pageSize: number;
}

/** The ID number is checked fully by the service (GB 11643 needs today's date). */
const idNumberInput = z.string().max(32, '身份证号不能超过32个字符');
const phoneInput = z.string().trim().max(20, '手机号码不能超过20个字符');

const editableFields = {
  name: personName,
  phone: phoneInput.optional(),
  ethnicityCode: z.enum(ETHNICITY_CODES as [string, ...string[]], '请从列表中选择民族').nullish(),
  householdType: z.enum(HOUSEHOLD_TYPES, '请选择城镇或农村').nullish(),
  residenceTownshipCode: z.string().regex(/^\d{9}$/, '请从列表中选择乡镇（街道）').nullish(),
  address: text(200, false).nullish(),
};

export const personsContract = {
  'persons.register': method<PersonView>()({
    input: z.strictObject({ idNumber: idNumberInput, ...editableFields }),
    access: 'persons.write',
    writes: true,
    title: '登记人员',
  }),
  'persons.get': method<PersonView>()({
    input: z.strictObject({ id: entityId }),
    access: 'persons.read',
    writes: false,
    title: '查看人员档案',
  }),
  'persons.search': method<PersonSearchResult>()({
    input: z.strictObject({ query: text(50, false), page, pageSize }),
    access: 'persons.read',
    writes: false,
    title: '查询人员',
  }),
  'persons.reveal': method<{ value: string | null }>()({
    input: z.strictObject({ id: entityId, field: z.enum(['idNumber', 'phone'], '只能查看身份证号或手机号码') }),
    access: 'persons.reveal',
    writes: true,
    title: '查看完整个人信息',
  }),
  'persons.update': method<PersonView>()({
    input: z.strictObject({
      id: entityId,
      version: rowVersion,
      changes: z.strictObject({
        name: personName.optional(),
        phone: editableFields.phone,
        ethnicityCode: editableFields.ethnicityCode,
        householdType: editableFields.householdType,
        residenceTownshipCode: editableFields.residenceTownshipCode,
        address: editableFields.address,
      }),
      reason: text(200),
    }),
    access: 'persons.write',
    writes: true,
    title: '更正人员信息',
  }),
};
