import { Alert, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useParams } from 'react-router';
import type { BatchView, PolicyListItem } from '../../shared/contract';
import { formatChineseDate, officeDate } from '../../shared/domain/dates';
import { formatFen } from '../../shared/domain/money';
import { call } from '../api/client';
import { useDeskStatus } from '../api/queries';
import { Loaded } from '../shell/loaded';
import { PrintToolbar, SealLine } from '../shell/print-toolbar';
import { batchKey } from './batch-page';
import { usePolicyList } from './policies-page';

type Item = BatchView['items'][number];

function Para({ last, children }: { last?: boolean; children: ReactNode }) {
  return <Text mb={last ? undefined : 'sm'} style={{ textIndent: '2em' }}>{children}</Text>;
}

/** The amount as the applicant reads it; while the bureau has not confirmed the standard, it says so. */
function amountText(item: Item): string {
  if (item.amountFen === null) return '待核定';
  return item.amountConfirmed ? formatFen(item.amountFen) : `${formatFen(item.amountFen)}（金额标准待核，以最终核定的金额为准）`;
}

/** One applicant's 告知书, on its own A4 sheet. */
function Notice({ item, policy, bureau, date, batchId, seq, of }: {
  item: Item; policy: PolicyListItem | undefined; bureau: string; date: string; batchId: number; seq: number; of: number;
}) {
  const you = item.subject.type === 'enterprise' ? '贵单位' : '您';
  const key = item.subject.type === 'enterprise' ? '统一社会信用代码' : '身份证号';
  return (
    <div className="print-document" data-testid="notice" style={{ breakAfter: seq < of ? 'page' : undefined, marginBottom: seq < of ? '3em' : undefined }}>
      <Text ta="center">{bureau}</Text>
      <Title order={2} ta="center" mb="md">免申即享告知书</Title>
      <Text ta="right" mb="sm">免申即享批次 {batchId}（第 {seq}/{of} 份）</Text>
      <Text mb="sm">{item.subject.name}（{key} {item.subject.keyMasked}）：</Text>
      <Para>
        经与社会保险等部门的数据比对，{you}符合「{item.policyName}」的享受条件。本政策实行免申即享，{you}无需提出申请，我局已据此为{you}办理，经审核后按规定发放。
      </Para>
      <Table withTableBorder mb="md">
        <Table.Tbody>
          <Table.Tr><Table.Td w={140}>政策名称</Table.Td><Table.Td>{item.policyName}</Table.Td></Table.Tr>
          {policy && <Table.Tr><Table.Td>政策依据</Table.Td><Table.Td>{policy.legalBasis}</Table.Td></Table.Tr>}
          <Table.Tr><Table.Td>补贴金额</Table.Td><Table.Td data-testid="notice-amount">{amountText(item)}</Table.Td></Table.Tr>
          {policy && <Table.Tr><Table.Td>资金来源</Table.Td><Table.Td>{policy.fundSource}</Table.Td></Table.Tr>}
        </Table.Tbody>
      </Table>
      <Para>如{you}的情况与上述不符，或不愿享受本政策，请及时与我局联系。</Para>
      <Para last>特此告知。</Para>
      <SealLine bureau={bureau} date={date} />
    </div>
  );
}

/**
 * 免申即享告知书: one A4 notice per confirmed applicant of a batch — the
 * letterhead, the applicant, the policy and the amount (with 待核 while the
 * standard is unconfirmed), the seal line dated the day it is issued —
 * printed through the audited print path.
 */
export function BatchNoticePage() {
  const id = Number(useParams().id);
  const batch = useQuery({ queryKey: batchKey(id), queryFn: () => call('policies.batch', { id }) });
  const policies = usePolicyList();
  const status = useDeskStatus();
  return (
    <Loaded query={batch}>
      {(b) => {
        if (!status.data || policies.isPending) return null;
        const confirmed = b.items.filter((i) => i.status === 'applied');
        if (confirmed.length === 0) return <Alert color="yellow">本批次还没有已确认的对象，没有告知书。</Alert>;
        const bureau = status.data.bureauName ?? '';
        const policy = policies.data?.find((p) => p.code === b.policyCode);
        const date = formatChineseDate(officeDate(new Date()));
        return (
          <Stack maw={800}>
            <PrintToolbar back={{ to: `/policies/batches/${b.id}`, label: '返回批次' }} record={{ document: '免申即享告知书', entityType: 'policy_batch', entityId: String(b.id) }} />
            {confirmed.map((item, i) => (
              <Notice key={item.id} item={item} policy={policy} bureau={bureau} date={date} batchId={b.id} seq={i + 1} of={confirmed.length} />
            ))}
          </Stack>
        );
      }}
    </Loaded>
  );
}
