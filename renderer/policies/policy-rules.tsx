import { Badge, List, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import {
  FUND_SOURCES, describeFormula, describeLimit, describeRule, factSpec, type ConditionNode, type PolicyDefinition,
} from '../../shared/domain/policies';
import { POLICY_TARGET_LABELS } from '../../shared/labels/policies';
import { Field } from '../shell/field';
import { periodText } from './policy-text';

/** One condition as a sentence: 年龄在16岁至… (劳动年龄); a fact the catalogue does not know is named as such. */
function conditionText(node: Exclude<ConditionNode, { anyOf: unknown } | { allOf: unknown }>): string {
  const spec = factSpec(node.fact);
  const rule = spec ? `${spec.label}${describeRule(spec, node)}` : `事实目录中没有“${node.fact}”`;
  return node.note ? `${rule}（${node.note}）` : rule;
}

/** Conditions as nested lists: a list is "all of", a group says whether one or all of its items must hold. */
export function ConditionList({ nodes }: { nodes: readonly ConditionNode[] }) {
  return (
    <List withPadding spacing={4} size="sm">
      {nodes.map((node, i) => {
        if ('anyOf' in node || 'allOf' in node) {
          const any = 'anyOf' in node;
          const items = any ? node.anyOf : node.allOf;
          return (
            <List.Item key={i}>
              <Text span size="sm" fw={500}>{node.label ? `${node.label}` : ''}（{any ? '满足其一' : '全部满足'}）：</Text>
              <ConditionList nodes={items} />
            </List.Item>
          );
        }
        return <List.Item key={i}>{conditionText(node)}</List.Item>;
      })}
    </List>
  );
}

function Section({ title, children, empty }: { title: string; children: ReactNode; empty: boolean }) {
  return (
    <div>
      <Text fw={600} mb={4}>{title}</Text>
      {empty ? <Text size="sm" c="dimmed">无</Text> : children}
    </div>
  );
}

const fundSourceLabel = (code: string) => FUND_SOURCES.find(([c]) => c === code)?.[1] ?? '（未知的资金来源）';

/** A version of a policy in plain Chinese: what it is, who qualifies, what staff check, how much and how often. */
export function PolicyRules({ definition: d }: { definition: PolicyDefinition }) {
  return (
    <Paper withBorder p="lg" data-testid="policy-rules">
      <Stack>
        <SimpleGrid cols={4}>
          <Field label="政策对象" value={POLICY_TARGET_LABELS[d.target]} />
          <Field label="发放对象" value={POLICY_TARGET_LABELS[d.paidTo ?? d.target]} />
          <Field label="资金来源" value={fundSourceLabel(d.fundSource)} />
          <Field label="有效期" value={periodText(d.effectiveFrom, d.effectiveTo)} />
          <Field label="办理方式" value={d.noApplication ? <Badge color="teal" variant="light">免申即享</Badge> : '依申请'} />
          <Field label="金额标准" value={d.amountsConfirmed ? '已确认' : <Badge color="orange" variant="light">金额待核</Badge>} />
        </SimpleGrid>
        <Field label="政策依据（文号）" value={d.legalBasis} />
        <Title order={4}>享受条件（系统自动判定，须全部满足）</Title>
        {d.conditions.length === 0 ? <Text size="sm" c="dimmed">无</Text> : <ConditionList nodes={d.conditions} />}
        <Section title="核查清单（经办人员核对后方可判定为符合）" empty={d.checklist.length === 0}>
          <List withPadding size="sm">{d.checklist.map((c) => <List.Item key={c.code}>{c.text}</List.Item>)}</List>
        </Section>
        <Section title="排斥政策（同一年度不能同时享受）" empty={d.exclusions.length === 0}>
          <List withPadding size="sm">{d.exclusions.map((e) => <List.Item key={e.policyCode}>{e.name}</List.Item>)}</List>
        </Section>
        <Section title="补贴金额" empty={false}><Text size="sm">{describeFormula(d.benefit)}</Text></Section>
        <Section title="享受限制" empty={d.limits.length === 0}>
          <List withPadding size="sm">
            {d.limits.map((l, i) => (
              <List.Item key={i}>
                {describeLimit(l)}
                {l.kind === 'maxMonths' && l.waivedWhen && <><Text size="sm">例外条件：</Text><ConditionList nodes={[l.waivedWhen]} /></>}
              </List.Item>
            ))}
          </List>
        </Section>
      </Stack>
    </Paper>
  );
}
