import { Checkbox, Group, Select, SimpleGrid, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import type { InputOf } from '../../shared/contract';
import { useTownships } from '../api/queries';
import { INDUSTRY_OPTIONS, OWNERSHIP_OPTIONS, SIZE_OPTIONS } from './options';
import { PlaceSelect } from '../shell/place-select';

export interface EnterpriseFormValues {
  name: string;
  industryDivision: string | null;
  ownershipCode: string | null;
  sizeClass: string | null;
  address: string;
  townshipCode: string | null;
  isDigitalTransformation: boolean;
  isSpecialized: boolean;
  isKeyEnterprise: boolean;
  isLabourIntensive: boolean;
}

export const EMPTY_ENTERPRISE_FORM: EnterpriseFormValues = {
  name: '', industryDivision: null, ownershipCode: null, sizeClass: null, address: '', townshipCode: null,
  isDigitalTransformation: false, isSpecialized: false, isKeyEnterprise: false, isLabourIntensive: false,
};

export const ENTERPRISE_FORM_FIELDS = Object.keys(EMPTY_ENTERPRISE_FORM);

/** The editable facts of an enterprise, shared by registration and correction. */
export function EnterpriseFormFields({ form }: { form: UseFormReturnType<EnterpriseFormValues> }) {
  const townships = useTownships();
  return (
    <>
      <SimpleGrid cols={3}>
        <TextInput label="企业名称" withAsterisk maxLength={100} {...form.getInputProps('name')} />
        <Select label="所属行业（GB/T 4754-2017 大类）" searchable clearable data={INDUSTRY_OPTIONS} {...form.getInputProps('industryDivision')} />
        <Select label="经济类型" clearable data={OWNERSHIP_OPTIONS} {...form.getInputProps('ownershipCode')} />
        <Select label="企业规模" clearable data={SIZE_OPTIONS} {...form.getInputProps('sizeClass')} />
        <PlaceSelect label="所在乡镇（街道）" clearable options={townships.data} {...form.getInputProps('townshipCode')} />
        <TextInput label="地址" maxLength={200} {...form.getInputProps('address')} />
      </SimpleGrid>
      <Group>
        <Checkbox label="智改数转" {...form.getInputProps('isDigitalTransformation', { type: 'checkbox' })} />
        <Checkbox label="专精特新" {...form.getInputProps('isSpecialized', { type: 'checkbox' })} />
        <Checkbox label="重点企业" {...form.getInputProps('isKeyEnterprise', { type: 'checkbox' })} />
        <Checkbox label="劳动密集型" {...form.getInputProps('isLabourIntensive', { type: 'checkbox' })} />
      </Group>
    </>
  );
}

type Changes = InputOf<'enterprises.update'>['changes'];

export function toEnterpriseInput(v: EnterpriseFormValues) {
  return {
    name: v.name.trim(),
    industryDivision: v.industryDivision, ownershipCode: v.ownershipCode, sizeClass: v.sizeClass,
    address: v.address.trim() || null, townshipCode: v.townshipCode,
    isDigitalTransformation: v.isDigitalTransformation, isSpecialized: v.isSpecialized, isKeyEnterprise: v.isKeyEnterprise, isLabourIntensive: v.isLabourIntensive,
  } as Required<Omit<Changes, 'status'>>;
}
