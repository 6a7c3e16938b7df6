import { Alert, Group, List, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { FactTarget } from '../../shared/domain/policies';
import { call, errorMessage } from '../api/client';
import { usePolicyList } from './policies-page';
import { Amount, VerdictBadge } from './policy-text';

/**
 * 政策判定 on a profile: pick a policy in force for this kind of subject and
 * see, for today, 符合 / 不符合 / 需人工核查, the amount and why. Each
 * judgement reads the person's data and is audited, so it runs only when a
 * policy is picked.
 */
export function PolicyVerdictPanel({ subject }: { subject: { personId: number } | { enterpriseId: number } }) {
  const target: FactTarget = 'personId' in subject ? 'person' : 'enterprise';
  const subjectId = 'personId' in subject ? subject.personId : subject.enterpriseId;
  const policies = usePolicyList();
  const [policyCode, setPolicyCode] = useState<string | null>(null);
  const verdict = useQuery({
    queryKey: ['policies.evaluate', target, subjectId, policyCode],
    queryFn: () => call('policies.evaluate', { policyCode: policyCode!, ...subject }),
    enabled: policyCode !== null,
  });
  const choices = (policies.data ?? []).filter((p) => p.target === target && p.activeVersion !== null);
  const v = verdict.data;
  return (
    <Paper withBorder p="lg" data-testid="policy-verdict">
      <Title order={4} mb="sm">政策判定</Title>
      <Stack gap="sm">
        <Select label="政策" w={360} searchable placeholder="选择一项政策，按今天的数据判定" value={policyCode} onChange={setPolicyCode}
          data={choices.map((p) => ({ value: p.code, label: p.name }))} nothingFoundMessage="没有符合的政策" />
        {verdict.isError && <Alert color="red">{errorMessage(verdict.error)}</Alert>}
        {v && v.policyCode === policyCode && (
          <>
            <Group gap="sm">
              <VerdictBadge result={v.result} size="lg" />
              {v.result !== 'not_eligible' && <Group gap={4}><Text size="sm">金额</Text><Amount fen={v.amountFen} confirmed={v.amountConfirmed} /></Group>}
              <Text size="sm" c="dimmed">{v.policyName}第{v.policyVersion}版，判定日期 {v.on}</Text>
            </Group>
            <Text fw={600}>{v.explanation.title}</Text>
            <Text data-testid="verdict-headline">{v.explanation.headline}</Text>
            <List size="sm" spacing={2} data-testid="verdict-lines">
              {v.explanation.lines.map((line, i) => <List.Item key={i} style={{ whiteSpace: 'pre-wrap' }}>{line}</List.Item>)}
            </List>
          </>
        )}
      </Stack>
    </Paper>
  );
}
