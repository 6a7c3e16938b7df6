import { Alert, Anchor, Button, Group, Paper, Select, SegmentedControl, SimpleGrid, Stack, Text, TextInput, Title, Input } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { ETHNICITIES } from '../../shared/domain/code-tables';
import { officeDate } from '../../shared/domain/dates';
import { parseIdNumber } from '../../shared/domain/id-number';
import { normalizeMobile } from '../../shared/domain/phone';
import { ID_NUMBER_MESSAGES, SEX_LABELS } from '../../shared/labels/zh-CN';
import { call, RpcCallError } from '../api/client';
import { applyFieldErrors } from '../api/form-errors';
import { useTownships } from '../api/queries';

interface RegisterValues {
  idNumber: string;
  name: string;
  phone: string;
  ethnicityCode: string | null;
  householdType: 'urban' | 'rural' | '';
  residenceTownshipCode: string | null;
  address: string;
}

const FIELDS = ['idNumber', 'name', 'phone', 'ethnicityCode', 'householdType', 'residenceTownshipCode', 'address'] as const;
const ETHNICITY_OPTIONS = ETHNICITIES.map(([value, label]) => ({ value, label }));

/** Keyboard-first: an ID-card reader types the number into the first field, Enter moves on. */
export function RegisterPersonPage() {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const townships = useTownships();
  const [formError, setFormError] = useState<string | null>(null);
  const [duplicateId, setDuplicateId] = useState<number | null>(null);
  const form = useForm<RegisterValues>({
    initialValues: { idNumber: '', name: '', phone: '', ethnicityCode: '01', householdType: '', residenceTownshipCode: null, address: '' },
    validateInputOnBlur: ['idNumber', 'phone'],
    validate: {
      idNumber: (v) => {
        const parsed = parseIdNumber(v, officeDate(new Date()));
        return parsed.ok ? null : ID_NUMBER_MESSAGES[parsed.problem];
      },
      name: (v) => (v.trim() ? null : '必填'),
      phone: (v) => (v.trim() === '' || normalizeMobile(v) ? null : '手机号码应为11位，以1开头'),
    },
  });
  const derived = parseIdNumber(form.values.idNumber, officeDate(new Date()));

  const register = useMutation({
    mutationFn: (v: RegisterValues) =>
      call('persons.register', {
        idNumber: v.idNumber,
        name: v.name,
        ...(v.phone.trim() ? { phone: v.phone } : {}),
        ethnicityCode: v.ethnicityCode,
        householdType: v.householdType === '' ? null : v.householdType,
        residenceTownshipCode: v.residenceTownshipCode,
        address: v.address.trim() ? v.address : null,
      }),
    onSuccess: (person) => {
      void queryClient.invalidateQueries({ queryKey: ['persons.search'] });
      notifications.show({ color: 'green', message: `已登记：${person.name}` });
      navigate(`/persons/${person.id}`);
    },
    onError: (error) => {
      if (error instanceof RpcCallError && error.error.code === 'DUPLICATE') setDuplicateId(Number(error.error.details?.personId));
      setFormError(applyFieldErrors(error, form.setFieldError, FIELDS));
    },
  });

  return (
    <>
      <Title order={2} mb="md">
        登记新人员
      </Title>
      <Paper withBorder p="lg" maw={880}>
        <form
          noValidate
          onSubmit={form.onSubmit((values) => {
            setFormError(null);
            setDuplicateId(null);
            register.mutate(values);
          })}
        >
          <Stack>
            {formError && <Alert color="red">{formError}</Alert>}
            {duplicateId !== null && (
              <Alert color="yellow" title="此人已经登记">
                <Anchor component={Link} to={`/persons/${duplicateId}`}>
                  打开已有档案
                </Anchor>
              </Alert>
            )}
            <SimpleGrid cols={2}>
              <TextInput label="身份证号" withAsterisk autoFocus maxLength={32} ff="monospace" {...form.getInputProps('idNumber')} />
              <Input.Wrapper label="出生日期 / 性别（由身份证号得出）">
                <Text py={6} data-testid="derived">
                  {derived.ok ? `${derived.birthDate} / ${SEX_LABELS[derived.sex]}${derived.convertedFrom15 ? `（已升位为 ${derived.idNumber}）` : ''}` : '—'}
                </Text>
              </Input.Wrapper>
              <TextInput label="姓名" withAsterisk maxLength={50} {...form.getInputProps('name')} />
              <TextInput label="手机号码" maxLength={20} {...form.getInputProps('phone')} />
              <Select label="民族" data={ETHNICITY_OPTIONS} searchable {...form.getInputProps('ethnicityCode')} />
              <Input.Wrapper label="户口性质">
                <div>
                  <SegmentedControl
                    data={[
                      { value: 'urban', label: '城镇' },
                      { value: 'rural', label: '农村' },
                    ]}
                    {...form.getInputProps('householdType')}
                  />
                </div>
              </Input.Wrapper>
              <Select
                label="居住乡镇（街道）"
                placeholder="请选择"
                searchable
                clearable
                data={(townships.data ?? []).map((t) => ({ value: t.code, label: t.name }))}
                {...form.getInputProps('residenceTownshipCode')}
              />
              <TextInput label="详细地址" maxLength={200} {...form.getInputProps('address')} />
            </SimpleGrid>
            <Group justify="flex-end">
              <Button variant="default" component={Link} to="/persons">
                取消
              </Button>
              <Button type="submit" loading={register.isPending}>
                保存登记
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
    </>
  );
}
