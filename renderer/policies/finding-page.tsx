import { Alert, Badge, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router';
import type { FindingView } from '../../shared/contract';
import { formatOfficeTimestamp } from '../../shared/domain/dates';
import { BATCH_DECISION_LABELS, FINDING_STATUS_LABELS } from '../../shared/labels/policies';
import { call, errorMessage } from '../api/client';
import { useCan } from '../api/queries';
import { Field } from '../shell/field';
import { Loaded } from '../shell/loaded';
import { OutreachSection, findingKey } from './outreach-section';
import { Amount, VerdictBadge } from './policy-text';
import { FINDINGS_KEY } from './sweep-panel';
import { FactsTable, TraceTable } from './verdict-trace';

const profilePath = (f: FindingView) => (f.subject.type === 'person' ? `/persons/${f.subject.id}` : `/enterprises/${f.subject.id}`);

/** 一键生成申请: the finding becomes a prefilled 补贴申请 (a draft), and its page opens. */
function OpenApplicationButton({ finding }: { finding: FindingView }) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const open = useMutation({
    mutationFn: () => call('policies.openApplication', { findingId: finding.id }),
    onSuccess: (created) => {
      void queryClient.invalidateQueries({ queryKey: findingKey(finding.id) });
      void queryClient.invalidateQueries({ queryKey: FINDINGS_KEY });
      notifications.show({ color: 'green', message: '已生成预填的补贴申请（草稿），请核对材料后受理' });
      navigate(`/cases/${created.id}`);
    },
    onError: (e) => notifications.show({ color: 'red', message: errorMessage(e) }),
  });
  return <Button loading={open.isPending} onClick={() => open.mutate()}>一键生成申请</Button>;
}

/**
 * One finding of 政策找人: who, which policy, 为什么符合 with every line of the
 * trace, the facts it was drawn from, the outreach so far and the form to
 * record the next, and the prefilled application.
 */
export function FindingPage() {
  const id = Number(useParams().id);
  const canPrepare = useCan('cases.prepare');
  const finding = useQuery({ queryKey: findingKey(id), queryFn: () => call('policies.finding', { id }) });
  return (
    <Loaded query={finding}>
      {(f) => {
        const open = f.status === 'open' || f.status === 'contacted';
        return (
          <Stack maw={1100}>
            <Group justify="space-between">
              <Group>
                <Title order={2} data-testid="finding-subject">{f.subject.name}</Title>
                <VerdictBadge result={f.result} size="lg" />
                <Badge size="lg" variant="light" data-testid="finding-status">{FINDING_STATUS_LABELS[f.status]}</Badge>
              </Group>
              <Group>
                {canPrepare && open && f.caseId === null && f.batchId === null && <OpenApplicationButton finding={f} />}
                {f.caseId !== null && <Button variant="light" component={Link} to={`/cases/${f.caseId}`}>查看申请</Button>}
                {f.batchId !== null && <Button variant="default" component={Link} to={`/policies/batches/${f.batchId}`}>免申即享批次</Button>}
                <Button variant="default" component={Link} to={profilePath(f)}>{f.subject.type === 'person' ? '人员档案' : '企业档案'}</Button>
                <Button variant="default" component={Link} to="/policies/findings">返回清单</Button>
              </Group>
            </Group>
            <Paper withBorder p="lg">
              <SimpleGrid cols={4}>
                <Field label="政策" value={<Link to={`/policies/${f.policyCode}`}>{f.policyName}（第{f.policyVersion}版）</Link>} />
                <Field label={f.subject.type === 'person' ? '身份证号' : '统一社会信用代码'} value={f.subject.keyMasked} />
                {f.subject.type === 'person' && <Field label="手机号码" value={f.subject.phoneMasked} />}
                <Field label="金额" value={<Amount fen={f.amountFen} confirmed={f.amountConfirmed} />} />
                <Field label="首次发现" value={formatOfficeTimestamp(f.firstFoundAt)} />
                {f.batchId !== null && <Field label="免申即享确认" value={`${BATCH_DECISION_LABELS[f.decision ?? 'pending']}${f.decisionReason ? `：${f.decisionReason}` : ''}`} />}
              </SimpleGrid>
            </Paper>
            {f.batchId !== null && f.decision === null && <Alert color="teal">本记录已汇入免申即享批次，由审核员在批次中确认，无需本人申请。</Alert>}
            <Paper withBorder p="lg" data-testid="why">
              <Title order={4} mb="xs">{f.explanation.title}</Title>
              <Text mb="sm" data-testid="why-headline">{f.explanation.headline}</Text>
              <TraceTable trace={f.trace} />
            </Paper>
            <OutreachSection finding={f} />
            <Paper withBorder p="lg">
              <Title order={4} mb="xs">比对所用的数据</Title>
              <Text size="sm" c="dimmed" mb="sm">比对时冻结的数据（来自一人一档、业务办理和部门数据），“无数据”的项目需人工核查。</Text>
              <FactsTable facts={f.facts} trace={f.trace} />
            </Paper>
          </Stack>
        );
      }}
    </Loaded>
  );
}
