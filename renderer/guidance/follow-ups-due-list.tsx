import { Anchor, Badge, Button, Checkbox, Group, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import type { GuidanceFollowUpView } from '../../shared/contract';
import { call } from '../api/client';
import { useCan } from '../api/queries';
import { PagedList } from '../shell/paged-list';
import { CompleteFollowUpDialog } from './follow-up-actions';
import { guidanceQueryKeys } from './guidance-queries';

/**
 * 职业指导回访: a counselor's own due follow-ups, the earliest first, with
 * today's and the missed ones marked; the head (and a reviewer) may switch to
 * everyone's missed ones.
 */
export function GuidanceFollowUpsDueList() {
  const canSeeAll = useCan('reports.read');
  const canWrite = useCan('guidance.write');
  const [everyone, setEveryone] = useState(false);
  const [completing, setCompleting] = useState<GuidanceFollowUpView | null>(null);
  return (
    <>
      {canSeeAll && <Checkbox label="查看全部指导员逾期未回访的" checked={everyone} onChange={(e) => setEveryone(e.currentTarget.checked)} />}
      <PagedList
        key={String(everyone)}
        method={`${guidanceQueryKeys.due[0]}`}
        fetchPage={(page, pageSize) => call('guidance.followUpsDue', everyone ? { all: true, overdueOnly: true, page, pageSize } : { page, pageSize })}
        pageSize={20}
        summary={(data) => <Text>共 {data.total} 项待回访，其中 <Text span c="red" fw={700}>{data.overdue}</Text> 项已逾期。</Text>}
        testId="guidance-follow-ups-due"
        columns={['应回访日期', '姓名', '手机', '回访原因', '指导员', '']}
        row={(f) => (
          <Table.Tr key={f.id} bg={f.standing === 'overdue' ? 'var(--mantine-color-red-light)' : undefined}>
            <Table.Td>
              <Group gap={6}>{f.dueOn}{f.standing === 'today' && <Badge color="orange" size="xs">今天</Badge>}{f.standing === 'overdue' && <Badge color="red" size="xs">已逾期</Badge>}</Group>
            </Table.Td>
            <Table.Td><Anchor component={Link} to={`/persons/${f.personId}`}>{f.personName}</Anchor></Table.Td>
            <Table.Td>{f.phoneMasked ?? '—'}</Table.Td>
            <Table.Td>{f.reasonLabel}{f.about && <Text size="xs" c="dimmed">{f.about}</Text>}</Table.Td>
            <Table.Td>{f.counselorName}</Table.Td>
            <Table.Td>{canWrite && <Button size="compact-xs" variant="light" onClick={() => setCompleting(f)}>记录回访</Button>}</Table.Td>
          </Table.Tr>
        )}
      />
      {completing && <CompleteFollowUpDialog followUp={completing} onClose={() => setCompleting(null)} />}
    </>
  );
}
