import { ActionIcon, Alert, Button, Checkbox, Group, MultiSelect, NumberInput, Paper, Select, SimpleGrid, Stack, Switch, Table, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useForm, type UseFormReturnType } from '@mantine/form';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { officeDate } from '../../shared/domain/dates';
import { surveyReferenceDate } from '../../shared/domain/vacancy';
import { call, errorMessage } from '../api/client';
import { useSession } from '../api/queries';
import { FormActions } from '../shell/form-actions';
import { HeaderRow } from '../shell/header-row';
import { EDUCATION_OPTIONS, INTEREST_OPTIONS, POLICY_OPTIONS, VISIT_MODE_OPTIONS, quarterOptions } from './options';
import { DEFAULT_INTEREST, emptyPlanLine, emptyTask, emptyVisit, toRecordVisitInput, type VisitValues } from './visit-form-values';
import { withNotice } from '../shell/page-notice';

type VisitForm = UseFormReturnType<VisitValues>;
type Options = { value: string; label: string }[];

/** Saves the visit; published plan lines become vacancies, so the lists that show them are refreshed. */
function useRecordVisit(enterpriseId: number) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: (values: VisitValues) => call('enterprises.recordVisit', toRecordVisitInput(values, enterpriseId)),
    onSuccess: (visit) => {
      for (const key of ['enterprises.get', 'enterprises.timeline', 'enterprises.tasks', 'vacancies.search']) void queryClient.invalidateQueries({ queryKey: [key] });
      const published = visit.hiringPlan.filter((l) => l.vacancyId !== null).length;
      navigate(`/enterprises/${enterpriseId}`, withNotice(`已保存走访记录${published ? `，发布岗位 ${published} 个` : ''}`));
    },
    onError: (e) => setError(errorMessage(e)),
  });
  return { save, error, submit: (values: VisitValues) => { setError(null); save.mutate(values); } };
}

/** 记录走访 (or the quarterly 用工调查): what was learned, the hiring plan (published lines become vacancies) and follow-ups. */
export function VisitFormPage() {
  const enterpriseId = Number(useParams().id);
  const me = useSession().data;
  const today = officeDate(new Date());
  const quarters = quarterOptions(today);
  const enterprise = useQuery({ queryKey: ['enterprises.get', enterpriseId], queryFn: () => call('enterprises.get', { id: enterpriseId }) });
  const staff = useQuery({ queryKey: ['enterprises.staff'], queryFn: () => call('enterprises.staff', {}) });
  const staffOptions = (staff.data ?? []).map((s) => ({ value: String(s.id), label: s.displayName }));
  const form = useForm<VisitValues>({ initialValues: emptyVisit(today, quarters[0]!, me?.userId) });
  const { save, error, submit } = useRecordVisit(enterpriseId);
  return (
    <Stack maw={1200}>
      <Group justify="space-between">
        <Title order={2}>记录走访：{enterprise.data?.name}</Title>
        <Button variant="default" component={Link} to={`/enterprises/${enterpriseId}`}>返回企业</Button>
      </Group>
      {error && <Alert color="red" data-testid="visit-error">{error}</Alert>}
      <VisitBasics form={form} quarters={quarters} staffOptions={staffOptions} />
      <DifficultiesAndPolicies form={form} />
      <HiringPlanTable form={form} quarters={quarters} />
      <FollowUpTasksFields form={form} staffOptions={staffOptions} userId={me?.userId} />
      <FormActions cancel={`/enterprises/${enterpriseId}`} submitLabel="保存走访记录" loading={save.isPending} onSave={() => submit(form.values)} />
    </Stack>
  );
}

/** When, how and by whom; with the switch on, the quarterly survey's figures. */
function VisitBasics({ form, quarters, staffOptions }: { form: VisitForm; quarters: string[]; staffOptions: Options }) {
  return (
    <Paper withBorder p="lg">
      <SimpleGrid cols={4}>
        <TextInput label="走访日期" withAsterisk maxLength={10} {...form.getInputProps('visitDate')} />
        <Select label="走访方式" data={VISIT_MODE_OPTIONS} allowDeselect={false} {...form.getInputProps('mode')} />
        <MultiSelect label="走访人员" withAsterisk data={staffOptions} {...form.getInputProps('staffUserIds')} />
        <TextInput label="接待人" maxLength={50} {...form.getInputProps('contactName')} />
        <NumberInput label="现有职工人数" allowDecimal={false} {...form.getInputProps('headcount')} />
      </SimpleGrid>
      <Switch mt="md" label="本次为季度用工调查" {...form.getInputProps('isSurvey', { type: 'checkbox' })} />
      {form.values.isSurvey && (
        <SimpleGrid cols={4} mt="sm" data-testid="survey-fields">
          <Select label="调查季度" data={quarters} allowDeselect={false} description={`调查时点 ${surveyReferenceDate(form.values.quarter)}`} {...form.getInputProps('quarter')} />
          <NumberInput label="上季度末职工人数" allowDecimal={false} {...form.getInputProps('headcountPrevious')} />
          <TextInput label="人数变化原因" maxLength={200} {...form.getInputProps('headcountChangeReason')} />
          <NumberInput label="缺工人数" allowDecimal={false} {...form.getInputProps('shortageCount')} />
          <NumberInput label="平均起薪（元/月）" {...form.getInputProps('startingPayYuan')} />
          <NumberInput label="预计下季度招用人数" allowDecimal={false} {...form.getInputProps('expectedHires')} />
        </SimpleGrid>
      )}
    </Paper>
  );
}

/** The enterprise's difficulties (the administrator's list), the policies explained and its interest in each, its requests. */
function DifficultiesAndPolicies({ form }: { form: VisitForm }) {
  const difficulties = useQuery({ queryKey: ['enterprises.difficultyTypes'], queryFn: () => call('enterprises.difficultyTypes', {}) });
  const v = form.values;
  return (
    <Paper withBorder p="lg">
      <Title order={4} mb="xs">企业困难</Title>
      <Checkbox.Group {...form.getInputProps('difficulties')}>
        <Group>{(difficulties.data ?? []).filter((d) => d.active).map((d) => <Checkbox key={d.code} value={d.code} label={d.label} />)}</Group>
      </Checkbox.Group>
      <Title order={4} mt="md" mb="xs">宣讲政策与企业意向</Title>
      <MultiSelect data={POLICY_OPTIONS} placeholder="选择宣讲的政策" {...form.getInputProps('policies')} />
      <Group mt="xs">
        {v.policies.map((code) => (
          <Select key={code} w={220} label={POLICY_OPTIONS.find((p) => p.value === code)?.label} data={INTEREST_OPTIONS} value={v.interest[code] ?? DEFAULT_INTEREST} allowDeselect={false}
            onChange={(val) => form.setFieldValue('interest', { ...v.interest, [code]: val ?? DEFAULT_INTEREST })} />
        ))}
      </Group>
      <SimpleGrid cols={2} mt="md">
        <Textarea label="企业诉求" maxLength={500} {...form.getInputProps('requests')} />
        <Textarea label="备注" maxLength={1000} {...form.getInputProps('notes')} />
      </SimpleGrid>
    </Paper>
  );
}

/** 用工计划: one line per occupation and quarter; a line marked 发布为岗位 becomes a vacancy. */
function HiringPlanTable({ form, quarters }: { form: VisitForm; quarters: string[] }) {
  const lines = form.values.hiringPlan;
  return (
    <Paper withBorder p="lg">
      <Group justify="space-between" mb="xs">
        <Title order={4}>用工计划（按职业、季度）</Title>
        <Button size="xs" variant="light" onClick={() => form.insertListItem('hiringPlan', emptyPlanLine(quarters[0]!))}>添加一行</Button>
      </Group>
      {lines.length === 0 ? <Text size="sm" c="dimmed">勾选“发布为岗位”的行会生成岗位信息，有效期默认到该季度末。</Text> : (
        <Table>
          <HeaderRow labels={['岗位名称', '职业代码', '季度', '人数', '最低月薪（元）', '最高月薪（元）', '学历', '发布为岗位', '']} />
          <Table.Tbody>
            {lines.map((_, i) => (
              <Table.Tr key={i} data-testid="plan-line">
                <Table.Td><TextInput aria-label="岗位名称" maxLength={60} {...form.getInputProps(`hiringPlan.${i}.title`)} /></Table.Td>
                <Table.Td><TextInput aria-label="职业代码" w={110} placeholder="6-18-02" {...form.getInputProps(`hiringPlan.${i}.occupationCode`)} /></Table.Td>
                <Table.Td><Select aria-label="季度" w={100} data={quarters} allowDeselect={false} {...form.getInputProps(`hiringPlan.${i}.quarter`)} /></Table.Td>
                <Table.Td><NumberInput aria-label="人数" w={80} allowDecimal={false} {...form.getInputProps(`hiringPlan.${i}.openings`)} /></Table.Td>
                <Table.Td><NumberInput aria-label="最低月薪" w={110} {...form.getInputProps(`hiringPlan.${i}.salaryMinYuan`)} /></Table.Td>
                <Table.Td><NumberInput aria-label="最高月薪" w={110} {...form.getInputProps(`hiringPlan.${i}.salaryMaxYuan`)} /></Table.Td>
                <Table.Td><Select aria-label="学历" w={110} clearable data={EDUCATION_OPTIONS} {...form.getInputProps(`hiringPlan.${i}.educationCode`)} /></Table.Td>
                <Table.Td><Checkbox aria-label="发布为岗位" {...form.getInputProps(`hiringPlan.${i}.publish`, { type: 'checkbox' })} /></Table.Td>
                <Table.Td><ActionIcon variant="subtle" color="red" aria-label="删除此行" onClick={() => form.removeListItem('hiringPlan', i)}>×</ActionIcon></Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
}

/** 跟进任务: what someone will do for the enterprise, and by when. */
function FollowUpTasksFields({ form, staffOptions, userId }: { form: VisitForm; staffOptions: Options; userId: number | undefined }) {
  return (
    <Paper withBorder p="lg">
      <Group justify="space-between" mb="xs">
        <Title order={4}>跟进任务</Title>
        <Button size="xs" variant="light" onClick={() => form.insertListItem('tasks', emptyTask(userId))}>添加任务</Button>
      </Group>
      {form.values.tasks.map((_, i) => (
        <Group key={i} mb="xs" align="flex-end">
          <TextInput label="任务内容" w={420} maxLength={200} {...form.getInputProps(`tasks.${i}.description`)} />
          <Select label="负责人" w={160} data={staffOptions} {...form.getInputProps(`tasks.${i}.ownerUserId`)} />
          <TextInput label="完成期限" w={140} placeholder="YYYY-MM-DD" maxLength={10} {...form.getInputProps(`tasks.${i}.dueDate`)} />
          <ActionIcon variant="subtle" color="red" aria-label="删除任务" onClick={() => form.removeListItem('tasks', i)}>×</ActionIcon>
        </Group>
      ))}
    </Paper>
  );
}
