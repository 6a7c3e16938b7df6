import { Badge, Group, Table, Text } from '@mantine/core';
import type { FactSnapshot, TraceLine } from '../../shared/domain/policies';
import { POLICY_FACTS, describeValue, traceSentence, type FactSpec } from '../../shared/domain/policies';
import { traceMark } from '../../shared/labels/policies';
import { HeaderRow } from '../shell/header-row';
import { NOWRAP } from './policy-text';

/**
 * 判定过程: every line of a verdict's trace as a sentence, indented under its
 * group, with its mark — 满足 / 不满足 / 待核查 (and what those mean for an
 * amount, a checklist item, the period in force).
 */
export function TraceTable({ trace }: { trace: readonly TraceLine[] }) {
  return (
    <Table withTableBorder data-testid="trace">
      <Table.Tbody>
        {trace.map((line, i) => {
          const mark = traceMark(line);
          return (
            <Table.Tr key={i}>
              <Table.Td>
                <Group gap="sm" wrap="nowrap" pl={line.depth * 28} align="flex-start">
                  <Badge color={mark.color} variant={line.depth === 0 ? 'filled' : 'light'} w={96} style={{ flexShrink: 0 }}>{mark.label}</Badge>
                  <Text size="sm" fw={line.depth === 0 ? 500 : undefined}>{traceSentence(line).trim()}</Text>
                </Group>
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}

const CATALOGUE = Object.entries(POLICY_FACTS) as Array<[string, FactSpec]>;

/**
 * 比对所用的数据: the frozen snapshot the verdict was drawn from, in the fact
 * catalogue's words — the facts this verdict read first, then the rest.
 */
export function FactsTable({ facts, trace }: { facts: FactSnapshot; trace: readonly TraceLine[] }) {
  const used = new Set(trace.flatMap((l) => (l.fact ? [l.fact] : [])));
  const rows = CATALOGUE.filter(([name]) => Object.hasOwn(facts, name)).sort(([a], [b]) => Number(used.has(b)) - Number(used.has(a)));
  return (
    <Table withTableBorder striped data-testid="facts">
      <HeaderRow labels={['数据项', '值', '本次判定用到']} />
      <Table.Tbody>
        {rows.map(([name, spec]) => (
          <Table.Tr key={name}>
            <Table.Td style={NOWRAP}>{spec.label}</Table.Td>
            <Table.Td c={facts[name] === null || facts[name] === undefined ? 'dimmed' : undefined}>{describeValue(spec, facts[name])}</Table.Td>
            <Table.Td>{used.has(name) ? '是' : ''}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
