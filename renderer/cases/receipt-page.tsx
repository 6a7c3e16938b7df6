import { Alert, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { formatChineseDate } from '../../shared/domain/dates';
import { call, errorMessage } from '../api/client';
import { queryKeys } from '../api/queries';
import { applicantLine } from './notice-pages';

/** 受理回执: what the applicant takes home — number, date, matter, documents received, the due date. */
export function ReceiptPage() {
  const id = Number(useParams().id);
  const view = useQuery({ queryKey: ['cases.get', id], queryFn: () => call('cases.get', { id }) });
  const status = useQuery({ queryKey: queryKeys.status, queryFn: () => call('setup.status', {}) });
  if (view.isError) return <Alert color="red">{errorMessage(view.error)}</Alert>;
  const c = view.data;
  if (!c || !status.data) return null;
  if (!c.receiptNo || !c.acceptedOn) return <Alert color="yellow">该业务尚未受理，没有受理回执。</Alert>;
  const bureau = status.data.bureauName ?? '';
  const print = async () => {
    await call('audit.recordPrint', { document: '受理回执', entityType: 'case', entityId: String(c.id) });
    window.print();
  };
  return (
    <Stack maw={800}>
      <Group justify="space-between" className="no-print">
        <Button variant="default" component={Link} to={`/cases/${c.id}`}>返回业务</Button>
        <Button onClick={() => void print()}>打印</Button>
      </Group>
      <div className="print-document" data-testid="receipt">
        <Text ta="center">{bureau}</Text>
        <Title order={2} ta="center" mb="md">受理回执</Title>
        <Text ta="right" mb="sm">编号：{c.receiptNo}</Text>
        <Text mb="sm">{applicantLine(c)}：</Text>
        <Text mb="sm">
          您于{formatChineseDate(c.acceptedOn)}申请办理的{c.matterLabel}，我局已受理。我们将在{formatChineseDate(c.dueDate!)}前办结，请保持电话畅通。
        </Text>
        <Text fw={600} mb={4}>已收取的材料</Text>
        <Table withTableBorder mb="md">
          <Table.Tbody>
            {c.documents.filter((d) => d.received).map((d, i) => (
              <Table.Tr key={d.code}><Table.Td w={60}>{i + 1}</Table.Td><Table.Td>{d.label}</Table.Td></Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Text>受理人：{c.acceptedByName}</Text>
        <Text mt="xl" ta="right" pr="4em">{bureau}（盖章）</Text>
        <Text ta="right" pr="4em">{formatChineseDate(c.acceptedOn)}</Text>
      </div>
    </Stack>
  );
}
