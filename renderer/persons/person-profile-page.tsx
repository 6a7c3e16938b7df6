import { Alert, Badge, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { ETHNICITIES } from '../../shared/domain/code-tables';
import { ageOn, formatOfficeTimestamp, officeDate } from '../../shared/domain/dates';
import { HOUSEHOLD_TYPE_LABELS, SEX_LABELS } from '../../shared/labels/zh-CN';
import { call, errorMessage } from '../api/client';
import { queryKeys, useCan } from '../api/queries';

const ETHNICITY_NAMES = new Map(ETHNICITIES);

function Field({ label, value, action }: { label: string; value: string | null | undefined; action?: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Group gap="xs">
        <Text>{value || '—'}</Text>
        {action}
      </Group>
    </div>
  );
}

/** Shows the full value of one field of this record; the backend audits every reveal. */
function RevealButton({ personId, field, onValue }: { personId: number; field: 'idNumber' | 'phone'; onValue: (v: string | null) => void }) {
  const reveal = useMutation({ mutationFn: () => call('persons.reveal', { id: personId, field }), onSuccess: (r) => onValue(r.value) });
  return (
    <Button size="compact-xs" variant="subtle" loading={reveal.isPending} onClick={() => reveal.mutate()} title="查看完整信息会记入审计日志">
      显示完整
    </Button>
  );
}

/** 画像: who the person is; the service timeline fills in as features land. */
export function PersonProfilePage() {
  const id = Number(useParams().id);
  const canReveal = useCan('persons.reveal');
  const [revealed, setRevealed] = useState<{ idNumber?: string | null; phone?: string | null }>({});
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
        <Group>
          <Button variant="default" component={Link} to={`/persons/${p.id}/access-report`}>
            个人信息查询报告
          </Button>
          <Button variant="default" component={Link} to="/persons">
            返回查询
          </Button>
        </Group>
      </Group>
      <Paper withBorder p="lg">
        <Title order={4} mb="sm">
          基本信息
        </Title>
        <SimpleGrid cols={3}>
          <Field
            label="身份证号"
            value={revealed.idNumber ?? p.idNumberMasked}
            action={canReveal && revealed.idNumber === undefined && <RevealButton personId={p.id} field="idNumber" onValue={(v) => setRevealed((r) => ({ ...r, idNumber: v }))} />}
          />
          <Field label="出生日期" value={p.birthDate} />
          <Field
            label="手机号码"
            value={revealed.phone ?? p.phoneMasked}
            action={canReveal && p.phoneMasked && revealed.phone === undefined && <RevealButton personId={p.id} field="phone" onValue={(v) => setRevealed((r) => ({ ...r, phone: v }))} />}
          />
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
