import { Button, Group, NumberInput, Paper, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { ExternalFigures } from '../../shared/contract';
import { formatOfficeTimestamp } from '../../shared/domain/dates';
import { call, errorMessage, RpcCallError } from '../api/client';

/** 外部数据: entered per period by the head or the administrator; the report shows them as entered. */
export function ExternalFiguresForm({ figures }: { figures: ExternalFigures }) {
  const queryClient = useQueryClient();
  const [urban, setUrban] = useState<number | string>(figures.urbanEmployed ?? '');
  const [rate, setRate] = useState(figures.surveyedUnemploymentRate ?? '');
  const [attrition, setAttrition] = useState<number | string>(figures.naturalAttrition);
  useEffect(() => {
    setUrban(figures.urbanEmployed ?? '');
    setRate(figures.surveyedUnemploymentRate ?? '');
    setAttrition(figures.naturalAttrition);
  }, [figures]);
  const save = useMutation({
    mutationFn: () =>
      call('reports.saveExternalFigures', {
        period: figures.period,
        urbanEmployed: urban === '' ? null : Number(urban),
        surveyedUnemploymentRate: rate.trim() === '' ? null : rate.trim(),
        naturalAttrition: Number(attrition || 0),
        version: figures.version,
      }),
    onSuccess: () => void queryClient.invalidateQueries({ predicate: (q) => String(q.queryKey[0]).startsWith('reports.') }),
  });
  const errors: Record<string, string> = save.error instanceof RpcCallError ? (save.error.error.fields ?? {}) : {};
  return (
    <Paper withBorder p="md" className="no-print" data-testid="external-figures">
      <Title order={4} mb="xs">外部数据（{figures.period} 报告期）</Title>
      <Group align="flex-start">
        <NumberInput label="城镇从业人员数（人）" w={180} min={0} allowDecimal={false} value={urban} onChange={setUrban} error={errors.urbanEmployed} />
        <TextInput label="城镇调查失业率（%）" w={160} placeholder="如 5.1" value={rate} onChange={(e) => setRate(e.currentTarget.value)} error={errors.surveyedUnemploymentRate} />
        <NumberInput label="自然减员（人）" w={140} min={0} allowDecimal={false} value={attrition} onChange={setAttrition} error={errors.naturalAttrition} />
        <Button mt={24} loading={save.isPending} onClick={() => save.mutate()}>保存外部数据</Button>
      </Group>
      <Text size="sm" c={save.error ? 'red' : 'dimmed'} mt="xs">
        {save.error && !Object.keys(errors).length ? errorMessage(save.error) : figures.updatedAt ? `最近由 ${figures.updatedByName ?? '—'} 于 ${formatOfficeTimestamp(figures.updatedAt)} 录入` : '本报告期尚未录入；调查失业率来自统计部门，本系统不计算。'}
      </Text>
    </Paper>
  );
}
