import { Paper, Table, Text, Title } from '@mantine/core';
import type { OutputOf } from '../../shared/contract';
import { formatOfficeTimestamp } from '../../shared/domain/dates';
import { fieldLabel } from '../../shared/labels/zh-CN';
import { HeaderRow } from './header-row';

/** One field's correction; persons and enterprises keep the same record of them. */
type Correction = OutputOf<'persons.corrections'>[number];

const fieldText = (field: string) => (field === 'mergedFrom' ? '合并档案' : fieldLabel(field));

/** 更正记录 of a person or an enterprise: what changed, from what to what, why and by whom. Without `emptyText` an empty record shows nothing. */
export function CorrectionsSection({ rows, emptyText }: { rows: Correction[]; emptyText?: string }) {
  if (rows.length === 0 && emptyText === undefined) return null;
  return (
    <Paper withBorder p="lg">
      <Title order={4} mb="sm">更正记录</Title>
      {rows.length === 0 ? (
        <Text c="dimmed">{emptyText}</Text>
      ) : (
        <Table withTableBorder data-testid="corrections">
          <HeaderRow labels={['时间', '项目', '原值', '新值', '原因', '经办人']} />
          <Table.Tbody>
            {rows.map((c) => (
              <Table.Tr key={c.id}>
                <Table.Td>{formatOfficeTimestamp(c.correctedAt)}</Table.Td>
                <Table.Td>{fieldText(c.field)}</Table.Td>
                <Table.Td>{c.oldValue ?? '—'}</Table.Td>
                <Table.Td>{c.newValue ?? '—'}</Table.Td>
                <Table.Td>{c.reason}</Table.Td>
                <Table.Td>{c.correctedBy ?? '—'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
}
