import { Alert, Badge, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { ETHNICITIES } from '../../shared/domain/code-tables';
import { ageOn, formatOfficeTimestamp, officeDate } from '../../shared/domain/dates';
import { HOUSEHOLD_TYPE_LABELS, SEX_LABELS } from '../../shared/labels/zh-CN';
import { call, errorMessage } from '../api/client';
import { queryKeys } from '../api/queries';

const ETHNICITY_NAMES = new Map(ETHNICITIES);

function Field({ label, value }: { label: string; value: string | null | undefined }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text>{value || '—'}</Text>
    </div>
  );
}

/** 画像: who the person is; the service timeline fills in as features land. */
export function PersonProfilePage() {
  const id = Number(useParams().id);
  const person = useQuery({ queryKey: queryKeys.person(id), queryFn: () => call('persons.get', { id }), enabled: Number.isInteger(id) && id > 0 });
  if (person.isError) return <Alert color="red">{errorMessage(person.error)}</Alert>;
  const p = person.data;
  if (!p) return null;
  return (
    <Stack maw={960}>
      <Group justify="space-between">
        <Group>
          <Title order={2} data-testid="profile-name">
            {p.name}
          </Title>
          <Badge variant="light">{SEX_LABELS[p.sex]}</Badge>
          <Badge variant="light">{ageOn(p.birthDate, officeDate(new Date()))}岁</Badge>
        </Group>
        <Button variant="default" component={Link} to="/persons">
          返回查询
        </Button>
      </Group>
      <Paper withBorder p="lg">
        <Title order={4} mb="sm">
          基本信息
        </Title>
        <SimpleGrid cols={3}>
          <Field label="身份证号" value={p.idNumberMasked} />
          <Field label="出生日期" value={p.birthDate} />
          <Field label="手机号码" value={p.phoneMasked} />
          <Field label="民族" value={p.ethnicityCode ? ETHNICITY_NAMES.get(p.ethnicityCode) : null} />
          <Field label="户口性质" value={p.householdType ? HOUSEHOLD_TYPE_LABELS[p.householdType] : null} />
          <Field label="居住乡镇（街道）" value={p.residenceTownshipName} />
          <Field label="详细地址" value={p.address} />
          <Field label="登记时间" value={formatOfficeTimestamp(p.createdAt)} />
          <Field label="最后更新" value={formatOfficeTimestamp(p.updatedAt)} />
        </SimpleGrid>
      </Paper>
      <Paper withBorder p="lg">
        <Title order={4} mb="sm">
          服务记录
        </Title>
        <Text c="dimmed">暂无服务记录。失业登记、就业登记、职业指导等业务上线后将在此按时间列出。</Text>
      </Paper>
    </Stack>
  );
}
