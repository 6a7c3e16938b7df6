import { Alert, Badge, Button, Group, Modal, Stack, Table, Text } from '@mantine/core';
import { formatOfficeTimestamp } from '../../shared/domain/dates';
import { conflictRows, shown, type ConflictChange, type ConflictField, type ConflictSides } from './conflict-rows';

const CHANGE_BADGES: Record<ConflictChange, { label: string; color: string }> = {
  mine: { label: '您修改的', color: 'blue' },
  theirs: { label: '他人修改的', color: 'teal' },
  both: { label: '双方都修改了', color: 'red' },
};

/** Cells that differ from what she read are tinted: hers blue, the other editor's teal, a clash red. */
const TINT: Record<ConflictChange, { mine?: string; current?: string }> = {
  mine: { mine: 'var(--mantine-color-blue-light)' },
  theirs: { current: 'var(--mantine-color-teal-light)' },
  both: { mine: 'var(--mantine-color-red-light)', current: 'var(--mantine-color-red-light)' },
};

/**
 * 保存冲突: her save was refused because someone saved the record after she
 * opened it. Both versions side by side — hers unsaved, the one saved now —
 * field by field, differences tinted; she reapplies her changes on top of the
 * current version (the default: Enter), goes back to editing on the current
 * version (Esc), or discards hers. One dialog for every edit form; an edit
 * dialog under it gives up Esc and its focus trap while it is open
 * (`closeOnEscape={!conflict}`), since Mantine closes every open modal on Esc.
 */
export function ConflictDialog({ what, fields, sides, savedAt, saving, onReapply, onBack, onDiscard }: {
  /** The record, as the message names it: 该档案, 该企业信息, 该业务的表单. */
  what: string;
  fields: readonly ConflictField[];
  sides: ConflictSides;
  /** When the current version was saved (UTC ISO), if known. */
  savedAt?: string | null;
  saving: boolean;
  onReapply: () => void;
  onBack: () => void;
  onDiscard: () => void;
}) {
  const rows = conflictRows(fields, sides);
  const clashes = rows.filter((r) => r.change === 'both').length;
  return (
    <Modal opened onClose={onBack} size="62rem" zIndex={300} title={<Text fw={700}>保存冲突：{what}已被他人修改</Text>} data-testid="conflict-dialog">
      <Stack>
        <Alert color="yellow" title="您的修改尚未保存">
          您打开后，{what}已由他人保存了新版本{savedAt ? `（${formatOfficeTimestamp(savedAt)}）` : ''}。下表并排列出双方改动的项目。
          {clashes > 0 ? `其中 ${clashes} 项双方都改了，重新应用将以您的内容为准，请核对。` : '双方改动的项目互不重叠。'}
        </Alert>
        <Table withTableBorder withColumnBorders verticalSpacing="xs" aria-label="双方改动的项目">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w="18%">项目</Table.Th>
              <Table.Th w="33%">您的修改（未保存）</Table.Th>
              <Table.Th w="33%">当前已保存的版本</Table.Th>
              <Table.Th w="16%">说明</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={row.key} data-change={row.change}>
                <Table.Td fw={600}>{row.label}</Table.Td>
                <Table.Td style={{ background: TINT[row.change].mine }}>
                  {row.change === 'theirs' ? <Text size="sm" c="dimmed">{row.mine ? `未改动：${row.mine}` : '未改动'}</Text> : shown(row.mine)}
                </Table.Td>
                <Table.Td style={{ background: TINT[row.change].current }}>{shown(row.current)}</Table.Td>
                <Table.Td><Badge variant="light" color={CHANGE_BADGES[row.change].color}>{CHANGE_BADGES[row.change].label}</Badge></Table.Td>
              </Table.Tr>
            ))}
            {rows.length === 0 && (
              <Table.Tr><Table.Td colSpan={4}><Text size="sm" c="dimmed">双方的内容相同，重新应用即可保存。</Text></Table.Td></Table.Tr>
            )}
          </Table.Tbody>
        </Table>
        <Text size="sm" c="dimmed">重新应用：您修改的项目采用您的内容，其他项目采用当前已保存的内容，然后保存。按 Esc 返回编辑（基于当前版本）。</Text>
        <Group justify="space-between">
          <Button variant="subtle" color="red" onClick={onDiscard}>放弃我的修改</Button>
          <Group>
            <Button variant="default" onClick={onBack}>返回编辑</Button>
            <Button data-autofocus loading={saving} onClick={onReapply}>重新应用我的修改并保存</Button>
          </Group>
        </Group>
      </Stack>
    </Modal>
  );
}
