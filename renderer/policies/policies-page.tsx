import { Badge, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { POLICY_TARGET_LABELS } from '../../shared/labels/policies';
import { call } from '../api/client';
import { HeaderRow } from '../shell/header-row';
import { Loaded } from '../shell/loaded';
import { NOWRAP, PolicyAreaHeader, periodText } from './policy-text';

export const POLICY_LIST_KEY = ['policies.list'] as const;

export function usePolicyList() {
  return useQuery({ queryKey: POLICY_LIST_KEY, queryFn: () => call('policies.list', {}) });
}

/** 政策库: every policy with its version in force, what it is for, and whether its amounts are confirmed yet. */
export function PoliciesPage() {
  const list = usePolicyList();
  return (
    <Stack maw={1200}>
      <PolicyAreaHeader />
      <Loaded query={list}>
        {(policies) => (
          <>
            <Text size="sm" c="dimmed">共 {policies.length} 项政策。金额标“待核”的，标准尚未经局里确认，判定出的金额仅供参考。</Text>
            <Table withTableBorder striped highlightOnHover data-testid="policy-list">
              <HeaderRow labels={['政策名称', '对象', '免申即享', '资金来源', '在用版本', '金额', '有效期']} />
              <Table.Tbody>
                {policies.map((p) => (
                  <Table.Tr key={p.code}>
                    <Table.Td>
                      <Link to={`/policies/${p.code}`}>{p.name}</Link>
                      <Text size="xs" c="dimmed" maw={440} lineClamp={1} title={p.legalBasis}>{p.legalBasis}</Text>
                    </Table.Td>
                    <Table.Td style={NOWRAP}>{POLICY_TARGET_LABELS[p.target]}</Table.Td>
                    <Table.Td style={NOWRAP}>{p.noApplication ? <Badge miw="max-content" color="teal" variant="light">免申即享</Badge> : '否'}</Table.Td>
                    <Table.Td style={NOWRAP}>{p.fundSource}</Table.Td>
                    <Table.Td style={NOWRAP}>
                      {p.activeVersion === null ? <Text span c="red">未启用</Text> : `第${p.activeVersion}版`}
                      {p.draftVersion !== null && <Badge miw="max-content" ml={6} size="sm" color="gray" variant="light">第{p.draftVersion}版草稿</Badge>}
                    </Table.Td>
                    <Table.Td style={NOWRAP}>{p.amountsConfirmed ? '已确认' : <Badge miw="max-content" color="orange" variant="light">金额待核</Badge>}</Table.Td>
                    <Table.Td style={NOWRAP}>{periodText(p.effectiveFrom, p.effectiveTo)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </>
        )}
      </Loaded>
    </Stack>
  );
}
