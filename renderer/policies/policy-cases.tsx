import { Badge, Paper, Table, Text, Title } from '@mantine/core';
import { SEX_LABELS } from '../../shared/labels/zh-CN';
import { describeValue, evaluateCase, factSpec, type PolicyDefinition, type PolicyTestCase, type VerdictResult } from '../../shared/domain/policies';
import { formatFen } from '../../shared/domain/money';
import { VERDICT_LABELS } from '../../shared/labels/policies';
import { HeaderRow } from '../shell/header-row';
import { NOWRAP } from './policy-text';

const outcomeText = (o: { result: VerdictResult; amountFen: number | null }) => `${VERDICT_LABELS[o.result]}${o.amountFen === null ? '' : `，${formatFen(o.amountFen)}`}`;

/** A case's facts in words: 年龄 34岁；近12个月社保缴费月数 5个月 … (facts outside the catalogue are left out). */
function caseFactsText(c: PolicyTestCase): string {
  const born = c.born ? [`出生日期 ${c.born.birthDate}`, `性别 ${SEX_LABELS[c.born.sex]}`] : [];
  const facts = Object.entries(c.facts).flatMap(([name, value]) => {
    const spec = factSpec(name);
    return spec ? [`${spec.label} ${describeValue(spec, value)}`] : [];
  });
  return [...born, ...facts].join('；');
}

/**
 * 测试用例 of a version: each case's facts, the verdict expected and the one
 * the engine gives now, passed or not. Which cases fail is the desk's answer
 * (the same engine runs here only to show what a failing case got).
 */
export function PolicyCases({ definition, failing }: { definition: PolicyDefinition; failing: ReadonlySet<string> }) {
  return (
    <Paper withBorder p="lg">
      <Title order={4} mb="sm">测试用例（{definition.cases.length} 个，{failing.size === 0 ? '全部通过' : `${failing.size} 个未通过`}）</Title>
      {definition.cases.length === 0 ? (
        <Text c="dimmed">没有测试用例。</Text>
      ) : (
        <Table withTableBorder data-testid="policy-cases">
          <HeaderRow labels={['测试用例', '评估日', '预期结果', '实际结果', '']} />
          <Table.Tbody>
            {definition.cases.map((c) => {
              const ok = !failing.has(c.name);
              const got = evaluateCase(definition, c);
              return (
                <Table.Tr key={c.name}>
                  <Table.Td>
                    <Text size="sm">{c.name}</Text>
                    <Text size="xs" c="dimmed" lineClamp={2} title={caseFactsText(c)}>{caseFactsText(c)}</Text>
                  </Table.Td>
                  <Table.Td style={NOWRAP}>{c.on}</Table.Td>
                  <Table.Td style={NOWRAP}>{outcomeText(c.expect)}</Table.Td>
                  <Table.Td style={NOWRAP}>{outcomeText(got)}</Table.Td>
                  <Table.Td style={NOWRAP}>{ok ? <Badge miw="max-content" color="green" variant="light">通过</Badge> : <Badge miw="max-content" color="red">未通过</Badge>}</Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
}
