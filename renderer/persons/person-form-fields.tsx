import { Checkbox, Fieldset, NumberInput, Select, SegmentedControl, SimpleGrid, TextInput, Input } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useQuery } from '@tanstack/react-query';
import type { Ref } from 'react';
import type { InputOf } from '../../shared/contract';
import { call } from '../api/client';
import { useCounties, useTownships } from '../api/queries';
import { DISABILITY_OPTIONS, EDUCATION_OPTIONS, EMPLOYMENT_OPTIONS, ETHNICITY_OPTIONS, HEALTH_OPTIONS, POLITICAL_OPTIONS } from './options';
import { OccupationSelect } from '../shell/occupation-select';
import { PlaceSelect } from '../shell/place-select';

type PersonInput = InputOf<'persons.register'>;

/** Form values as typed (strings, 元); `toPersonInput` turns them into the contract's shape. */
export interface PersonFormValues {
  name: string;
  phone: string;
  phone2: string;
  ethnicityCode: string | null;
  politicalStatusCode: string | null;
  householdType: 'urban' | 'rural' | '';
  householdDivisionCode: string;
  householdAddress: string;
  residenceTownshipCode: string | null;
  residenceVillageCode: string | null;
  address: string;
  educationCode: string | null;
  school: string;
  major: string;
  graduationDate: string;
  disabilityGrade: NonNullable<PersonInput['disabilityGrade']> | null;
  healthStatus: string | null;
  isVeteran: boolean;
  lowIncomeStatus: 'dibao' | 'low_income' | '';
  femaleRetirementCategory: 'worker50' | 'cadre55' | '';
  employmentStatus: NonNullable<PersonInput['employmentStatus']>;
  intendedOccupationCode: string;
  intendedPlace: string;
  intendedSalaryMinYuan: number | string;
  intendedSalaryMaxYuan: number | string;
  trainingWishes: string;
}

export const EMPTY_PERSON_FORM: PersonFormValues = {
  name: '', phone: '', phone2: '', ethnicityCode: '01', politicalStatusCode: null, householdType: '', householdDivisionCode: '',
  householdAddress: '', residenceTownshipCode: null, residenceVillageCode: null, address: '', educationCode: null, school: '', major: '',
  graduationDate: '', disabilityGrade: null, healthStatus: null, isVeteran: false, lowIncomeStatus: '', femaleRetirementCategory: '',
  employmentStatus: 'unemployed_unregistered', intendedOccupationCode: '', intendedPlace: '', intendedSalaryMinYuan: '', intendedSalaryMaxYuan: '', trainingWishes: '',
};

/** Field names of the contract that map one-to-one onto inputs, for routing field errors. */
export const PERSON_FORM_FIELDS = [
  'name', 'phone', 'phone2', 'ethnicityCode', 'politicalStatusCode', 'householdType', 'householdDivisionCode', 'householdAddress',
  'residenceTownshipCode', 'residenceVillageCode', 'address', 'educationCode', 'school', 'major', 'graduationDate', 'disabilityGrade',
  'healthStatus', 'isVeteran', 'lowIncomeStatus', 'femaleRetirementCategory', 'employmentStatus', 'intendedOccupationCode', 'intendedPlace', 'trainingWishes',
] as const;

const LOW_INCOME_OPTIONS: { value: Exclude<PersonFormValues['lowIncomeStatus'], ''>; label: string }[] = [{ value: 'dibao', label: '低保' }, { value: 'low_income', label: '低收入' }];
const FEMALE_RETIREMENT_OPTIONS: { value: Exclude<PersonFormValues['femaleRetirementCategory'], ''>; label: string }[] = [
  { value: 'worker50', label: '原50周岁（女职工）' }, { value: 'cadre55', label: '原55周岁（女干部）' },
];

const blankToNull = (v: string) => (v.trim() === '' ? null : v.trim());
const yuanToFen = (v: number | string) => (v === '' ? null : Math.round(Number(v) * 100));

export function toPersonInput(v: PersonFormValues) {
  return {
    name: v.name,
    phone: blankToNull(v.phone),
    phone2: blankToNull(v.phone2),
    ethnicityCode: v.ethnicityCode,
    politicalStatusCode: v.politicalStatusCode,
    householdType: v.householdType === '' ? null : v.householdType,
    householdDivisionCode: blankToNull(v.householdDivisionCode),
    householdAddress: blankToNull(v.householdAddress),
    residenceTownshipCode: v.residenceTownshipCode,
    residenceVillageCode: v.residenceVillageCode,
    address: blankToNull(v.address),
    educationCode: v.educationCode,
    school: blankToNull(v.school),
    major: blankToNull(v.major),
    graduationDate: blankToNull(v.graduationDate),
    disabilityGrade: v.disabilityGrade,
    healthStatus: v.healthStatus,
    isVeteran: v.isVeteran,
    lowIncomeStatus: v.lowIncomeStatus === '' ? null : v.lowIncomeStatus,
    femaleRetirementCategory: v.femaleRetirementCategory === '' ? null : v.femaleRetirementCategory,
    employmentStatus: v.employmentStatus,
    intendedOccupationCode: blankToNull(v.intendedOccupationCode),
    intendedPlace: blankToNull(v.intendedPlace),
    intendedSalaryMinFen: yuanToFen(v.intendedSalaryMinYuan),
    intendedSalaryMaxFen: yuanToFen(v.intendedSalaryMaxYuan),
    trainingWishes: blankToNull(v.trainingWishes),
  };
}

export function PersonFormFields({ form, sex, nameRef, autoFocusName = false }: {
  form: UseFormReturnType<PersonFormValues>;
  sex: 'male' | 'female' | null;
  /** Where the ID number's Enter sends the clerk. */
  nameRef?: Ref<HTMLInputElement>;
  /** The ID number came from a card read: the clerk starts at 姓名. */
  autoFocusName?: boolean;
}) {
  const townships = useTownships();
  const counties = useCounties();
  const township = form.values.residenceTownshipCode;
  const villages = useQuery({
    queryKey: ['divisions.villages', township],
    queryFn: () => call('divisions.villages', { townshipCode: township! }),
    enabled: !!township,
    staleTime: Infinity,
  });
  return (
    <>
      <Fieldset legend="基本信息">
        <SimpleGrid cols={3}>
          <TextInput label="姓名" withAsterisk maxLength={50} ref={nameRef} autoFocus={autoFocusName} {...form.getInputProps('name')} />
          <TextInput label="手机号码" maxLength={20} {...form.getInputProps('phone')} />
          <TextInput label="备用电话" maxLength={20} {...form.getInputProps('phone2')} />
          <Select label="民族" data={ETHNICITY_OPTIONS} searchable {...form.getInputProps('ethnicityCode')} />
          <Select label="政治面貌" data={POLITICAL_OPTIONS} clearable {...form.getInputProps('politicalStatusCode')} />
          <Select label="健康状况" data={HEALTH_OPTIONS} clearable {...form.getInputProps('healthStatus')} />
        </SimpleGrid>
      </Fieldset>
      <Fieldset legend="户籍与居住">
        <SimpleGrid cols={3}>
          <Input.Wrapper label="户口性质">
            <div>
              <SegmentedControl data={[{ value: 'urban', label: '城镇' }, { value: 'rural', label: '农村' }]} {...form.getInputProps('householdType')} />
            </div>
          </Input.Wrapper>
          <PlaceSelect label="户籍所在地（区、县）" placeholder="输入名称或拼音首字母" clearable options={counties.data}
            {...form.getInputProps('householdDivisionCode')}
            value={form.values.householdDivisionCode || null} onChange={(v) => form.setFieldValue('householdDivisionCode', v ?? '')} />
          <TextInput label="户籍地址" maxLength={200} {...form.getInputProps('householdAddress')} />
          <PlaceSelect label="居住乡镇（街道）" placeholder="请选择" clearable options={townships.data}
            {...form.getInputProps('residenceTownshipCode')}
            onChange={(v) => { form.setFieldValue('residenceTownshipCode', v); form.setFieldValue('residenceVillageCode', null); }} />
          <PlaceSelect label="居住村（社区）" placeholder={township ? '请选择' : '请先选择乡镇'} clearable disabled={!township}
            options={villages.data} {...form.getInputProps('residenceVillageCode')} />
          <TextInput label="详细地址" maxLength={200} {...form.getInputProps('address')} />
        </SimpleGrid>
      </Fieldset>
      <Fieldset legend="教育">
        <SimpleGrid cols={4}>
          <Select label="文化程度" data={EDUCATION_OPTIONS} clearable {...form.getInputProps('educationCode')} />
          <TextInput label="毕业学校" maxLength={100} {...form.getInputProps('school')} />
          <TextInput label="所学专业" maxLength={100} {...form.getInputProps('major')} />
          <TextInput label="毕业日期" placeholder="YYYY-MM-DD" maxLength={10} {...form.getInputProps('graduationDate')} />
        </SimpleGrid>
      </Fieldset>
      <Fieldset legend="就业与求职意向">
        <SimpleGrid cols={3}>
          <Select label="就业状态" data={EMPLOYMENT_OPTIONS} withAsterisk allowDeselect={false} {...form.getInputProps('employmentStatus')} />
          <OccupationSelect label="求职意向职业" value={form.values.intendedOccupationCode} error={form.errors.intendedOccupationCode}
            onChange={(code) => form.setFieldValue('intendedOccupationCode', code)} />
          <TextInput label="意向工作地点" maxLength={100} {...form.getInputProps('intendedPlace')} />
          <NumberInput label="期望月薪下限（元）" min={0} thousandSeparator="," {...form.getInputProps('intendedSalaryMinYuan')} />
          <NumberInput label="期望月薪上限（元）" min={0} thousandSeparator="," {...form.getInputProps('intendedSalaryMaxYuan')} />
          <TextInput label="培训意愿" maxLength={200} {...form.getInputProps('trainingWishes')} />
        </SimpleGrid>
      </Fieldset>
      <Fieldset legend="帮扶情况（决定重点群体，系统自动认定）">
        <SimpleGrid cols={4}>
          <Select label="残疾等级" data={DISABILITY_OPTIONS} clearable {...form.getInputProps('disabilityGrade')} />
          <Select label="低保/低收入" clearable data={LOW_INCOME_OPTIONS}
            value={form.values.lowIncomeStatus || null} onChange={(v) => form.setFieldValue('lowIncomeStatus', v ?? '')} />
          {sex === 'female' && (
            <Select label="原退休年龄类别" clearable data={FEMALE_RETIREMENT_OPTIONS}
              value={form.values.femaleRetirementCategory || null} onChange={(v) => form.setFieldValue('femaleRetirementCategory', v ?? '')} />
          )}
          <Checkbox mt="xl" label="退役军人" {...form.getInputProps('isVeteran', { type: 'checkbox' })} />
        </SimpleGrid>
      </Fieldset>
    </>
  );
}
