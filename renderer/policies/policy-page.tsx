import { Alert, Badge, Button, Group, List, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import type { PolicyVersionView } from '../../shared/contract';
import { formatOfficeTimestamp } from '../../shared/domain/dates';
import { POLICY_TARGET_LABELS, VERSION_STATUS_LABELS } from '../../shared/labels/policies';
import { call } from '../api/client';
import { useCan } from '../api/queries';
import { Loaded } from '../shell/loaded';
import { PolicyCases } from './policy-cases';
import { ActivateButton, DraftEditor, policyKey } from './policy-draft';
import { PolicyRules } from './policy-rules';

/** The version a policy page opens on: the one in force, else the newest. */
const shownFirst = (versions: PolicyVersionView[]) => versions.find((v) => v.status === 'active') ?? versions[0]!;

/**
 * 政策: one policy of the catalogue, each version in plain Chinese — conditions,
 * checklist, exclusions, formula, limits — with its stored test cases run; the
 * administrator edits the draft and activates it here.
 */
export function PolicyPage() {
  const code = useParams().code ?? '';
  const canManage = useCan('policies.manage');
  const versions = useQuery({ queryKey: policyKey(code), queryFn: () => call('policies.get', { code }) });
  const [chosen, setChosen] = useState<number | null>(null);
  return (
    <Loaded query={versions}>
      {(all) => {
        const view = all.find((v) => v.version === chosen) ?? shownFirst(all);
        const active = all.find((v) => v.status === 'active') ?? null;
        const draft = all.find((v) => v.status === 'draft') ?? null;
        const d = view.definition;
        return (
          <Stack maw={1100}>
            <Group justify="space-between">
              <Group>
                <Title order={2} data-testid="policy-name">{d.name}</Title>
                <Badge variant="light">{POLICY_TARGET_LABELS[d.target]}</Badge>
                {d.noApplication && <Badge color="teal" variant="light">免申即享</Badge>}
              </Group>
              <Button variant="default" component={Link} to="/policies">返回政策库</Button>
            </Group>
            {all.length > 1 && (
              <SegmentedControl value={String(view.version)} onChange={(v) => setChosen(Number(v))} style={{ alignSelf: 'flex-start' }}
                data={all.map((v) => ({ value: String(v.version), label: `第${v.version}版 · ${VERSION_STATUS_LABELS[v.status]}` }))} />
            )}
            <Group gap="xs">
              <Badge color={view.status === 'active' ? 'green' : view.status === 'draft' ? 'gray' : 'dark'} data-testid="version-status">
                第{view.version}版 · {VERSION_STATUS_LABELS[view.status]}
              </Badge>
              <Text size="sm" c="dimmed">
                建立于 {formatOfficeTimestamp(view.createdAt)}
                {view.activatedAt && `；${formatOfficeTimestamp(view.activatedAt)} 由 ${view.activatedBy ?? '命令行'} 启用`}
              </Text>
            </Group>
            {view.problems.length > 0 && (
              <Alert color="red" title="本版本有校验问题，不能启用">
                <List size="sm">{view.problems.map((p) => <List.Item key={p.path + p.message}>{p.message}</List.Item>)}</List>
              </Alert>
            )}
            <PolicyRules definition={d} />
            <PolicyCases definition={d} failing={new Set(view.failingCases.map((f) => f.name))} />
            {canManage && view.status === 'draft' && <ActivateButton view={view} activeVersion={active?.version ?? null} />}
            {canManage && (
              <DraftEditor key={`${draft?.version ?? 'new'}-${draft?.createdAt ?? ''}`} code={code} base={(draft ?? active ?? view).definition}
                version={draft?.version ?? Math.max(...all.map((v) => v.version)) + 1} onSaved={setChosen} />
            )}
          </Stack>
        );
      }}
    </Loaded>
  );
}
