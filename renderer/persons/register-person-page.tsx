import { Alert, Anchor, Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { officeDate } from '../../shared/domain/dates';
import { parseIdNumber } from '../../shared/domain/id-number';
import { normalizeMobile } from '../../shared/domain/phone';
import { ID_NUMBER_MESSAGES, SEX_LABELS } from '../../shared/labels/zh-CN';
import { call, RpcCallError } from '../api/client';
import { applyFieldErrors } from '../api/form-errors';
import { EMPTY_PERSON_FORM, PERSON_FORM_FIELDS, PersonFormFields, toPersonInput, type PersonFormValues } from './person-form-fields';
import { useCan, useCounties } from '../api/queries';
import { onInvalidFields } from '../shell/focus-first-error';
import { withNotice } from '../shell/page-notice';

type RegisterValues = PersonFormValues & { idNumber: string };

const checkPhone = (v: string) => (v.trim() === '' || normalizeMobile(v) ? null : '手机号码应为11位，以1开头');

/** Keyboard-first: an ID-card reader types the number into the first field, Tab moves on. */
export function RegisterPersonPage() {
  const navigate = useNavigate();
  // From the search box: an ID-card read that found nobody arrives with its number (?idNumber=…).
  const [params] = useSearchParams();
  const readIdNumber = params.get('idNumber') ?? '';
  const counties = useCounties();
  const nameRef = useRef<HTMLInputElement>(null);
  /** What to open after the save: the profile, or at once the 失业登记 the person came for. */
  const next = useRef<'profile' | 'unemployment_registration'>('profile');
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const canRegisterUnemployment = useCan('cases.prepare');
  const canReadStations = useCan('stations.read');
  const [duplicate, setDuplicate] = useState<{ id: number; kind: string } | null>(null);
  const form = useForm<RegisterValues>({
    initialValues: { idNumber: readIdNumber, ...EMPTY_PERSON_FORM },
    validateInputOnBlur: ['idNumber', 'phone', 'phone2'],
    validate: {
      idNumber: (v) => {
        const parsed = parseIdNumber(v, officeDate(new Date()));
        return parsed.ok ? null : ID_NUMBER_MESSAGES[parsed.problem];
      },
      name: (v) => (v.trim() ? null : '必填'),
      phone: checkPhone,
      phone2: checkPhone,
    },
  });
  const derived = parseIdNumber(form.values.idNumber, officeDate(new Date()));
  // 户籍所在地 from the ID number's first six digits, where they name a county of the list (the clerk may change it).
  const idCounty = derived.ok ? derived.idNumber.slice(0, 6) : null;
  useEffect(() => {
    if (idCounty && !form.values.householdDivisionCode && counties.data?.some((c) => c.code === idCounty)) form.setFieldValue('householdDivisionCode', idCounty);
    // Only a new number or the list's arrival fills it; a clerk's own choice stays.
  }, [idCounty, counties.data]);

  // 居住乡镇 defaults to the township of the clerk's 就业服务站 (a clerk at the hall has none); her own choice stays.
  const station = useQuery({ queryKey: ['stations.mine'], queryFn: () => call('stations.mine', {}), enabled: canReadStations, staleTime: 60_000 });
  const stationTownship = station.data?.townshipCode ?? null;
  useEffect(() => {
    if (stationTownship && !form.values.residenceTownshipCode && !form.isTouched('residenceTownshipCode')) form.setFieldValue('residenceTownshipCode', stationTownship);
  }, [stationTownship]);

  const register = useMutation({
    mutationFn: ({ values, confirmNotDuplicate }: { values: RegisterValues; confirmNotDuplicate: boolean }) =>
      call('persons.register', { idNumber: values.idNumber, ...toPersonInput(values), confirmNotDuplicate }),
    onSuccess: (person) => {
      void queryClient.invalidateQueries({ queryKey: ['persons.search'] });
      if (next.current === 'unemployment_registration') navigate(`/cases/new?person=${person.id}&type=unemployment_registration`, withNotice(`已登记：${person.name}`));
      else navigate(`/persons/${person.id}`, withNotice(`已登记：${person.name}`));
    },
    onError: (error) => {
      if (error instanceof RpcCallError && error.error.code === 'DUPLICATE') {
        setDuplicate({ id: Number(error.error.details?.personId), kind: String(error.error.details?.kind) });
      }
      setFormError(applyFieldErrors(error, form.setFieldError, ['idNumber', ...PERSON_FORM_FIELDS]));
    },
  });
  const submit = (values: RegisterValues, confirmNotDuplicate = false) => {
    setFormError(null);
    setDuplicate(null);
    register.mutate({ values, confirmNotDuplicate });
  };

  return (
    <>
      <Title order={2} mb="md">登记新人员</Title>
      <Paper withBorder p="lg" maw={1000}>
        <form noValidate onSubmit={form.onSubmit((values) => submit(values), onInvalidFields)}>
          <Stack>
            {formError && <Alert color="red">{formError}</Alert>}
            {duplicate && (
              <Alert color="yellow" title={duplicate.kind === 'similar' ? '可能是同一人' : '此人已经登记'}>
                <Group>
                  <Anchor component={Link} to={`/persons/${duplicate.id}`}>打开已有档案</Anchor>
                  {duplicate.kind === 'similar' && (
                    <Button size="xs" variant="light" onClick={() => submit(form.values, true)}>确认不是同一人，继续登记</Button>
                  )}
                </Group>
              </Alert>
            )}
            <Group align="flex-end">
              {/* A card reader types the number and Enter: Enter here goes on to 姓名, the next box of the paper form. */}
              <TextInput label="身份证号" withAsterisk autoFocus={!readIdNumber} maxLength={32} ff="monospace" w={280} {...form.getInputProps('idNumber')}
                onKeyDown={(e) => { if (e.key === 'Enter') { e.preventDefault(); nameRef.current?.focus(); } }} />
              <Text py={6} data-testid="derived" c="dimmed">
                {derived.ok ? `${derived.birthDate} / ${SEX_LABELS[derived.sex]}${derived.convertedFrom15 ? `（已升位为 ${derived.idNumber}）` : ''}` : '出生日期和性别由身份证号得出'}
              </Text>
            </Group>
            <PersonFormFields form={form as never} sex={derived.ok ? derived.sex : null} nameRef={nameRef} autoFocusName={!!readIdNumber} />
            <Group justify="flex-end">
              <Button variant="default" component={Link} to="/persons">取消</Button>
              {canRegisterUnemployment && (
                <Button type="submit" variant="light" loading={register.isPending} onClick={() => { next.current = 'unemployment_registration'; }}>保存并办理失业登记</Button>
              )}
              <Button type="submit" loading={register.isPending} onClick={() => { next.current = 'profile'; }}>保存登记</Button>
            </Group>
          </Stack>
        </form>
      </Paper>
    </>
  );
}
