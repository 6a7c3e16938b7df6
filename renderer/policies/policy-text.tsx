import { Badge, Group, Tabs, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useLocation, useNavigate } from 'react-router';
import type { VerdictResult } from '../../shared/domain/policies';
import { formatFen } from '../../shared/domain/money';
import { VERDICT_COLORS, VERDICT_LABELS } from '../../shared/labels/policies';
import { useCan } from '../api/queries';

/**
 * Short cells (a date, a name) keep to one line; the long text beside them takes the width left.
 * Badges in tables carry miw="max-content": a badge's label clips, so without it a column of badges shrinks to "待…".
 */
export const NOWRAP = { whiteSpace: 'nowrap' } as const;

/** 有效期 as the list and the policy page show it: 2025-01-01 至 2026-12-31, or 2025-01-01 起（长期）. */
export function periodText(from: string | null, to: string | null | undefined): string {
  if (!from) return '—';
  return to ? `${from} 至 ${to}` : `${from} 起（长期）`;
}

/** An amount the engine computed, with 待核 beside it while the bureau has not confirmed the policy's amounts. */
export function Amount({ fen, confirmed }: { fen: number | null; confirmed: boolean }) {
  if (fen === null) return <Text span c="dimmed">待核查后计算</Text>;
  return (
    <Group gap={6} wrap="nowrap" component="span">
      <Text span>{formatFen(fen)}</Text>
      {!confirmed && <Badge miw="max-content" size="sm" color="orange" variant="light" title="金额标准尚未经局里确认">待核</Badge>}
    </Group>
  );
}

/** 符合 / 不符合 / 需人工核查 as a coloured badge. */
export function VerdictBadge({ result, size = 'md' }: { result: VerdictResult; size?: 'sm' | 'md' | 'lg' }) {
  return <Badge miw="max-content" size={size} color={VERDICT_COLORS[result]} data-testid="verdict">{VERDICT_LABELS[result]}</Badge>;
}

/** The 政策 area's head: its title, the actions of the page, and the two lists (政策库, 政策找人 for whoever may search). */
export function PolicyAreaHeader({ actions }: { actions?: ReactNode }) {
  const navigate = useNavigate();
  const location = useLocation();
  const canFind = useCan('policies.find');
  const current = location.pathname.startsWith('/policies/findings') ? '/policies/findings' : '/policies';
  return (
    <>
      <Group justify="space-between">
        <Title order={2}>政策</Title>
        {actions}
      </Group>
      <Tabs value={current} onChange={(v) => v && navigate(v)}>
        <Tabs.List>
          <Tabs.Tab value="/policies">政策库</Tabs.Tab>
          {canFind && <Tabs.Tab value="/policies/findings">政策找人</Tabs.Tab>}
        </Tabs.List>
      </Tabs>
    </>
  );
}
