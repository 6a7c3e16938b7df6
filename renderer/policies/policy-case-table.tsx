import { Badge, Table, Text } from '@mantine/core';
import { HeaderRow } from '../shell/header-row';
import { NOWRAP } from './policy-text';

/** One stored 测试用例, already in words: what it expects and what the engine gives now. */
export interface PolicyCaseRow {
  name: string;
  /** The case's facts in words, under its name (left out where the caller has only the name). */
  facts?: string;
  on: string;
  expected: string;
  got: string;
  passed: boolean;
}

/**
 * A version's 测试用例 as one table, the same wherever cases are reviewed: on a
 * policy's page and for a version the province issued (whose cases the desk ran
 * on receipt). `gotTitle` names where the result comes from.
 */
export function PolicyCaseTable({ rows, gotTitle, testId }: { rows: readonly PolicyCaseRow[]; gotTitle: string; testId: string }) {
  return (
    <Table withTableBorder data-testid={testId}>
      <HeaderRow labels={['测试用例', '评估日', '预期结果', gotTitle, '']} />
      <Table.Tbody>
        {rows.map((c) => (
          <Table.Tr key={c.name}>
            <Table.Td>
              <Text size="sm">{c.name}</Text>
              {c.facts !== undefined && <Text size="xs" c="dimmed" lineClamp={2} title={c.facts}>{c.facts}</Text>}
            </Table.Td>
            <Table.Td style={NOWRAP}>{c.on}</Table.Td>
            <Table.Td style={NOWRAP}>{c.expected}</Table.Td>
            <Table.Td style={NOWRAP}>{c.got}</Table.Td>
            <Table.Td style={NOWRAP}>{c.passed ? <Badge miw="max-content" color="green" variant="light">通过</Badge> : <Badge miw="max-content" color="red">未通过</Badge>}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
