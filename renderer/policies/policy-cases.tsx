import { Paper, Text, Title } from '@mantine/core';
import { SEX_LABELS } from '../../shared/labels/zh-CN';
import { describeValue, evaluateCase, factSpec, type PolicyDefinition, type PolicyTestCase, type VerdictResult } from '../../shared/domain/policies';
import { formatFen } from '../../shared/domain/money';
import { VERDICT_LABELS } from '../../shared/labels/policies';
import { PolicyCaseTable } from './policy-case-table';

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
        <PolicyCaseTable
          testId="policy-cases"
          gotTitle="实际结果"
          rows={definition.cases.map((c) => ({
            name: c.name, facts: caseFactsText(c), on: c.on, expected: outcomeText(c.expect), got: outcomeText(evaluateCase(definition, c)), passed: !failing.has(c.name),
          }))}
        />
      )}
    </Paper>
  );
}
