import { ActionIcon, Alert, Button, Checkbox, Group, MultiSelect, NumberInput, Paper, Select, SimpleGrid, Stack, Switch, Table, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { officeDate } from '../../shared/domain/dates';
import { surveyReferenceDate } from '../../shared/domain/vacancy';
import { call } from '../api/client';
import { applyFieldErrors } from '../api/form-errors';
import { useSession } from '../api/queries';
import { EDUCATION_OPTIONS, INTEREST_OPTIONS, POLICY_OPTIONS, VISIT_MODE_OPTIONS, quarterOptions, toFen } from './options';

interface PlanLine { occupationCode: string; title: string; quarter: string; openings: number | string; salaryMinYuan: number | string; salaryMaxYuan: number | string; educationCode: string | null; publish: boolean }
interface TaskLine { description: string; ownerUserId: string | null; dueDate: string }
interface VisitValues {
  visitDate: string; mode: string; staffUserIds: string[]; contactName: string; headcount: number | string; difficulties: string[];
  policies: string[]; interest: Record<string, string>; requests: string; notes: string; plan: PlanLine[]; tasks: TaskLine[];
  isSurvey: boolean; quarter: string; headcountPrevious: number | string; headcountChangeReason: string; shortageCount: number | string; startingPayYuan: number | string; expectedHires: number | string;
}

const num = (v: number | string) => (v === '' ? null : Number(v));

/** 记录走访 (or the quarterly 用工调查): what was learned, the hiring plan (published lines become vacancies) and follow-ups. */
export function VisitFormPage() {
  const enterpriseId = Number(useParams().id);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const me = useSession().data;
  const today = officeDate(new Date());
  const quarters = quarterOptions(today);
  const [error, setError] = useState<string | null>(null);
  const enterprise = useQuery({ queryKey: ['enterprises.get', enterpriseId], queryFn: () => call('enterprises.get', { id: enterpriseId }) });
  const staff = useQuery({ queryKey: ['enterprises.staff'], queryFn: () => call('enterprises.staff', {}) });
  const difficulties = useQuery({ queryKey: ['enterprises.difficultyTypes'], queryFn: () => call('enterprises.difficultyTypes', {}) });
  const staffOptions = (staff.data ?? []).map((s) => ({ value: String(s.id), label: s.displayName }));
  const form = useForm<VisitValues>({
    initialValues: {
      visitDate: today, mode: 'on_site', staffUserIds: me?.userId ? [String(me.userId)] : [], contactName: '', headcount: '', difficulties: [], policies: [], interest: {},
      requests: '', notes: '', plan: [], tasks: [], isSurvey: false, quarter: quarters[0]!, headcountPrevious: '', headcountChangeReason: '', shortageCount: '', startingPayYuan: '', expectedHires: '',
    },
  });
  const v = form.values;
  const save = useMutation({
    mutationFn: () =>
      call('enterprises.recordVisit', {
        enterpriseId, kind: v.isSurvey ? 'survey' : 'visit', visitDate: v.visitDate.trim(), mode: v.mode as 'on_site', staffUserIds: v.staffUserIds.map(Number),
        contactName: v.contactName.trim() || null, headcount: num(v.headcount), difficulties: v.difficulties.map((code) => ({ code })),
        policies: v.policies.map((code) => ({ code: code as 'job_retention', interest: (v.interest[code] ?? 'interested') as 'interested' })),
        requests: v.requests.trim() || null, notes: v.notes.trim() || null,
        hiringPlan: v.plan.map((l) => ({ occupationCode: l.occupationCode.trim(), title: l.title.trim(), quarter: l.quarter, openings: Number(l.openings), salaryMinFen: toFen(l.salaryMinYuan), salaryMaxFen: toFen(l.salaryMaxYuan), educationCode: l.educationCode, publish: l.publish })),
        tasks: v.tasks.map((t) => ({ description: t.description.trim(), ownerUserId: Number(t.ownerUserId), dueDate: t.dueDate.trim() })),
        ...(v.isSurvey ? { survey: { quarter: v.quarter, headcountPrevious: num(v.headcountPrevious), headcountChangeReason: v.headcountChangeReason.trim() || null, shortageCount: num(v.shortageCount), startingPayFen: toFen(v.startingPayYuan), expectedHires: num(v.expectedHires) } } : {}),
      }),
    onSuccess: (visit) => {
      for (const key of ['enterprises.get', 'enterprises.timeline', 'enterprises.tasks', 'vacancies.search']) void queryClient.invalidateQueries({ queryKey: [key] });
      const published = visit.hiringPlan.filter((l) => l.vacancyId !== null).length;
      notifications.show({ color: 'green', message: `已保存走访记录${published ? `，发布岗位 ${published} 个` : ''}` });
      navigate(`/enterprises/${enterpriseId}`);
    },
    onError: (e) => setError(applyFieldErrors(e, (path, message) => form.setFieldError(path.replace('hiringPlan', 'plan').replace('Fen', 'Yuan'), message), [])),
  });
  return (
    <Stack maw={1200}>
      <Group justify="space-between">
        <Title order={2}>记录走访：{enterprise.data?.name}</Title>
        <Button variant="default" component={Link} to={`/enterprises/${enterpriseId}`}>返回企业</Button>
      </Group>
      {error && <Alert color="red" data-testid="visit-error">{error}</Alert>}
      <Paper withBorder p="lg">
        <SimpleGrid cols={4}>
          <TextInput label="走访日期" withAsterisk maxLength={10} {...form.getInputProps('visitDate')} />
          <Select label="走访方式" data={VISIT_MODE_OPTIONS} allowDeselect={false} {...form.getInputProps('mode')} />
          <MultiSelect label="走访人员" withAsterisk data={staffOptions} {...form.getInputProps('staffUserIds')} />
          <TextInput label="接待人" maxLength={50} {...form.getInputProps('contactName')} />
          <NumberInput label="现有职工人数" allowDecimal={false} {...form.getInputProps('headcount')} />
        </SimpleGrid>
        <Switch mt="md" label="本次为季度用工调查" {...form.getInputProps('isSurvey', { type: 'checkbox' })} />
        {v.isSurvey && (
          <SimpleGrid cols={4} mt="sm" data-testid="survey-fields">
            <Select label="调查季度" data={quarters} allowDeselect={false} description={`调查时点 ${surveyReferenceDate(v.quarter)}`} {...form.getInputProps('quarter')} />
            <NumberInput label="上季度末职工人数" allowDecimal={false} {...form.getInputProps('headcountPrevious')} />
            <TextInput label="人数变化原因" maxLength={200} {...form.getInputProps('headcountChangeReason')} />
            <NumberInput label="缺工人数" allowDecimal={false} {...form.getInputProps('shortageCount')} />
            <NumberInput label="平均起薪（元/月）" {...form.getInputProps('startingPayYuan')} />
            <NumberInput label="预计下季度招用人数" allowDecimal={false} {...form.getInputProps('expectedHires')} />
          </SimpleGrid>
        )}
      </Paper>
      <Paper withBorder p="lg">
        <Title order={4} mb="xs">企业困难</Title>
        <Checkbox.Group {...form.getInputProps('difficulties')}>
          <Group>{(difficulties.data ?? []).filter((d) => d.active).map((d) => <Checkbox key={d.code} value={d.code} label={d.label} />)}</Group>
        </Checkbox.Group>
        <Title order={4} mt="md" mb="xs">宣讲政策与企业意向</Title>
        <MultiSelect data={POLICY_OPTIONS} placeholder="选择宣讲的政策" {...form.getInputProps('policies')} />
        <Group mt="xs">
          {v.policies.map((code) => (
            <Select key={code} w={220} label={POLICY_OPTIONS.find((p) => p.value === code)?.label} data={INTEREST_OPTIONS} value={v.interest[code] ?? 'interested'} allowDeselect={false}
              onChange={(val) => form.setFieldValue('interest', { ...v.interest, [code]: val ?? 'interested' })} />
          ))}
        </Group>
        <SimpleGrid cols={2} mt="md">
          <Textarea label="企业诉求" maxLength={500} {...form.getInputProps('requests')} />
          <Textarea label="备注" maxLength={1000} {...form.getInputProps('notes')} />
        </SimpleGrid>
      </Paper>
      <Paper withBorder p="lg">
        <Group justify="space-between" mb="xs">
          <Title order={4}>用工计划（按职业、季度）</Title>
          <Button size="xs" variant="light" onClick={() => form.insertListItem('plan', { occupationCode: '', title: '', quarter: quarters[0]!, openings: 1, salaryMinYuan: '', salaryMaxYuan: '', educationCode: null, publish: true })}>添加一行</Button>
        </Group>
        {v.plan.length === 0 ? <Text size="sm" c="dimmed">勾选“发布为岗位”的行会生成岗位信息，有效期默认到该季度末。</Text> : (
          <Table>
            <Table.Thead><Table.Tr><Table.Th>岗位名称</Table.Th><Table.Th>职业代码</Table.Th><Table.Th>季度</Table.Th><Table.Th>人数</Table.Th><Table.Th>最低月薪（元）</Table.Th><Table.Th>最高月薪（元）</Table.Th><Table.Th>学历</Table.Th><Table.Th>发布为岗位</Table.Th><Table.Th /></Table.Tr></Table.Thead>
            <Table.Tbody>
              {v.plan.map((_, i) => (
                <Table.Tr key={i} data-testid="plan-line">
                  <Table.Td><TextInput aria-label="岗位名称" maxLength={60} {...form.getInputProps(`plan.${i}.title`)} /></Table.Td>
                  <Table.Td><TextInput aria-label="职业代码" w={110} placeholder="6-18-02" {...form.getInputProps(`plan.${i}.occupationCode`)} /></Table.Td>
                  <Table.Td><Select aria-label="季度" w={100} data={quarters} allowDeselect={false} {...form.getInputProps(`plan.${i}.quarter`)} /></Table.Td>
                  <Table.Td><NumberInput aria-label="人数" w={80} allowDecimal={false} {...form.getInputProps(`plan.${i}.openings`)} /></Table.Td>
                  <Table.Td><NumberInput aria-label="最低月薪" w={110} {...form.getInputProps(`plan.${i}.salaryMinYuan`)} /></Table.Td>
                  <Table.Td><NumberInput aria-label="最高月薪" w={110} {...form.getInputProps(`plan.${i}.salaryMaxYuan`)} /></Table.Td>
                  <Table.Td><Select aria-label="学历" w={110} clearable data={EDUCATION_OPTIONS} {...form.getInputProps(`plan.${i}.educationCode`)} /></Table.Td>
                  <Table.Td><Checkbox aria-label="发布为岗位" {...form.getInputProps(`plan.${i}.publish`, { type: 'checkbox' })} /></Table.Td>
                  <Table.Td><ActionIcon variant="subtle" color="red" aria-label="删除此行" onClick={() => form.removeListItem('plan', i)}>×</ActionIcon></Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Paper>
      <Paper withBorder p="lg">
        <Group justify="space-between" mb="xs">
          <Title order={4}>跟进任务</Title>
          <Button size="xs" variant="light" onClick={() => form.insertListItem('tasks', { description: '', ownerUserId: me?.userId ? String(me.userId) : null, dueDate: '' })}>添加任务</Button>
        </Group>
        {v.tasks.map((_, i) => (
          <Group key={i} mb="xs" align="flex-end">
            <TextInput label="任务内容" w={420} maxLength={200} {...form.getInputProps(`tasks.${i}.description`)} />
            <Select label="负责人" w={160} data={staffOptions} {...form.getInputProps(`tasks.${i}.ownerUserId`)} />
            <TextInput label="完成期限" w={140} placeholder="YYYY-MM-DD" maxLength={10} {...form.getInputProps(`tasks.${i}.dueDate`)} />
            <ActionIcon variant="subtle" color="red" aria-label="删除任务" onClick={() => form.removeListItem('tasks', i)}>×</ActionIcon>
          </Group>
        ))}
      </Paper>
      <Group justify="flex-end">
        <Button variant="default" component={Link} to={`/enterprises/${enterpriseId}`}>取消</Button>
        <Button loading={save.isPending} onClick={() => { setError(null); save.mutate(); }}>保存走访记录</Button>
      </Group>
    </Stack>
  );
}
