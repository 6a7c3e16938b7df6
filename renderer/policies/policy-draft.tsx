import { Accordion, Alert, Button, Group, List, Modal, Paper, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { PolicyVersionView } from '../../shared/contract';
import { POLICY_FACTS, runStoredCases, validatePolicy, type PolicyDefinition } from '../../shared/domain/policies';
import { formatFen } from '../../shared/domain/money';
import { POLICY_TARGET_LABELS, VERDICT_LABELS } from '../../shared/labels/policies';
import { RpcCallError, call, errorMessage } from '../api/client';
import { HeaderRow } from '../shell/header-row';
import { POLICY_LIST_KEY } from './policies-page';

export const policyKey = (code: string) => ['policies.get', code] as const;

/** JSON.parse's complaint in Chinese, with the line and column where the browser names a place. */
function parseJson(text: string): { value: unknown } | { problem: string } {
  try {
    return { value: JSON.parse(text) as unknown };
  } catch (e) {
    const hint = '请检查逗号、引号和括号是否成对';
    const at = /position (\d+)/.exec(e instanceof Error ? e.message : '');
    if (!at) return { problem: `JSON 格式有误：内容不完整或有多余的字符，${hint}` };
    const before = text.slice(0, Number(at[1]));
    return { problem: `JSON 格式有误：第${before.split('\n').length}行第${before.length - before.lastIndexOf('\n')}列附近，${hint}` };
  }
}

/** `条件2 › 比较值：应填…` → the place in bold, then what is wrong there. */
function Problem({ message }: { message: string }) {
  const cut = message.indexOf('：');
  return cut < 0 ? <>{message}</> : <><Text span fw={600}>{message.slice(0, cut)}</Text>：{message.slice(cut + 1)}</>;
}

interface Findings { problems: string[]; failing: string[]; checked: boolean }
const NONE: Findings = { problems: [], failing: [], checked: false };

/** What the desk would say of this text as version `version`: every problem by place, then the stored cases that fail. */
function check(text: string, version: number): Findings {
  const parsed = parseJson(text);
  if ('problem' in parsed) return { problems: [parsed.problem], failing: [], checked: true };
  const candidate = typeof parsed.value === 'object' && parsed.value !== null ? { ...parsed.value, version } : parsed.value;
  const problems = validatePolicy(candidate).map((p) => p.message);
  const failing = problems.length > 0 ? [] : runStoredCases(candidate as PolicyDefinition).map(
    (f) => `测试用例“${f.name}”：预期${VERDICT_LABELS[f.expected.result]}${f.expected.amountFen === null ? '' : ` ${formatFen(f.expected.amountFen)}`}，实际${VERDICT_LABELS[f.got.result]}${f.got.amountFen === null ? '' : ` ${formatFen(f.got.amountFen)}`}`,
  );
  return { problems, failing, checked: true };
}

/**
 * 编辑草稿 (policies.manage): the version as formatted JSON, checked here with
 * the desk's own rules (every problem named by its place) and saved as the
 * policy's one draft. An active version is never edited: saving makes or
 * replaces the draft, which is activated separately.
 */
export function DraftEditor({ code, base, version, onSaved }: { code: string; base: PolicyDefinition; version: number; onSaved: (version: number) => void }) {
  const queryClient = useQueryClient();
  const [text, setText] = useState(() => JSON.stringify(base, null, 2));
  const [findings, setFindings] = useState<Findings>(NONE);
  const save = useMutation({
    mutationFn: () => {
      const parsed = parseJson(text);
      if ('problem' in parsed) throw new Error(parsed.problem);
      return call('policies.saveDraft', { code, definition: parsed.value });
    },
    onSuccess: (saved) => {
      setFindings({ problems: [], failing: saved.failingCases.map((f) => `测试用例“${f.name}”未通过`), checked: true });
      void queryClient.invalidateQueries({ queryKey: policyKey(code) });
      void queryClient.invalidateQueries({ queryKey: POLICY_LIST_KEY });
      notifications.show({ color: 'green', message: `已保存第${saved.version}版草稿` });
      onSaved(saved.version);
    },
    onError: (e) => {
      const fields = e instanceof RpcCallError ? Object.values(e.error.fields ?? {}) : [];
      setFindings({ problems: fields.length > 0 ? fields : [e instanceof RpcCallError ? errorMessage(e) : e.message], failing: [], checked: true });
    },
  });
  const format = () => {
    const parsed = parseJson(text);
    if ('value' in parsed) setText(JSON.stringify(parsed.value, null, 2));
    else setFindings({ problems: [parsed.problem], failing: [], checked: true });
  };
  const sound = findings.checked && findings.problems.length === 0;
  return (
    <Paper withBorder p="lg" data-testid="draft-editor">
      <Stack>
        <Title order={4}>编辑草稿（第{version}版）</Title>
        <Text size="sm" c="dimmed">
          以 JSON 编辑政策定义；版本号由系统确定。保存后为草稿，不影响正在启用的版本；草稿通过校验和全部测试用例后，方可启用。Ctrl+S 保存。
        </Text>
        <Textarea label="政策定义（JSON）" autosize minRows={12} maxRows={30} spellCheck={false} value={text}
          styles={{ input: { fontFamily: 'monospace', fontSize: 13 } }}
          onChange={(e) => { setText(e.currentTarget.value); setFindings(NONE); }}
          onKeyDown={(e) => { if ((e.ctrlKey || e.metaKey) && e.key === 's') { e.preventDefault(); save.mutate(); } }} />
        {findings.problems.length > 0 && (
          <Alert color="red" title={`有 ${findings.problems.length} 处问题，未保存`} data-testid="draft-problems">
            <List size="sm">{findings.problems.map((p, i) => <List.Item key={i}><Problem message={p} /></List.Item>)}</List>
          </Alert>
        )}
        {sound && findings.failing.length > 0 && (
          <Alert color="orange" title="校验通过，但有测试用例未通过（可以保存，不能启用）">
            <List size="sm">{findings.failing.map((p, i) => <List.Item key={i}>{p}</List.Item>)}</List>
          </Alert>
        )}
        {sound && findings.failing.length === 0 && <Alert color="green">校验通过，全部测试用例通过。</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={format}>格式化</Button>
          <Button variant="light" onClick={() => setFindings(check(text, version))}>检查并运行测试用例</Button>
          <Button loading={save.isPending} onClick={() => save.mutate()}>保存草稿</Button>
        </Group>
        <FactCatalogue />
      </Stack>
    </Paper>
  );
}

/** The facts a definition may name, for whoever writes the JSON: name, label, whose, and its 口径. */
function FactCatalogue() {
  return (
    <Accordion variant="contained">
      <Accordion.Item value="facts">
        <Accordion.Control>可用的事实（条件中 fact 的取值）</Accordion.Control>
        <Accordion.Panel>
          <Table withTableBorder fz="xs">
            <HeaderRow labels={['fact', '名称', '对象', '口径']} />
            <Table.Tbody>
              {Object.entries(POLICY_FACTS).map(([name, spec]) => (
                <Table.Tr key={name}>
                  <Table.Td ff="monospace">{name}</Table.Td><Table.Td>{spec.label}</Table.Td>
                  <Table.Td>{spec.targets.map((t) => POLICY_TARGET_LABELS[t]).join('、')}</Table.Td><Table.Td>{spec.meaning}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Accordion.Panel>
      </Accordion.Item>
    </Accordion>
  );
}

/** 启用 a draft: a reason, after a dialog that says what activation does. */
export function ActivateButton({ view, activeVersion }: { view: PolicyVersionView; activeVersion: number | null }) {
  const queryClient = useQueryClient();
  const [opened, setOpened] = useState(false);
  const [reason, setReason] = useState('');
  const activate = useMutation({
    mutationFn: () => call('policies.activate', { code: view.code, version: view.version, reason: reason.trim() }),
    onSuccess: (active) => {
      setOpened(false);
      setReason('');
      void queryClient.invalidateQueries({ queryKey: policyKey(view.code) });
      void queryClient.invalidateQueries({ queryKey: POLICY_LIST_KEY });
      notifications.show({ color: 'green', message: `已启用第${active.version}版` });
    },
  });
  const blocked = view.problems.length > 0 ? '草稿有校验问题，不能启用' : view.failingCases.length > 0 ? '有测试用例未通过，不能启用' : null;
  return (
    <>
      <Group>
        <Button color="teal" disabled={blocked !== null} onClick={() => setOpened(true)}>启用第{view.version}版</Button>
        {blocked && <Text size="sm" c="red">{blocked}</Text>}
      </Group>
      <Modal opened={opened} onClose={() => setOpened(false)} title={`启用第${view.version}版`}>
        <form onSubmit={(e) => { e.preventDefault(); if (reason.trim()) activate.mutate(); }}>
          <Stack>
            <Text size="sm">
              启用后，{activeVersion === null ? '本政策' : `第${activeVersion}版停用，`}以后的判定和政策比对均按第{view.version}版进行，下次政策比对将重新比对全部{view.definition.target === 'person' ? '人员' : '单位'}。
              已作出的决定保留当时的版本和数据，不受影响。启用后本版本不能再修改。
            </Text>
            {activate.isError && <Alert color="red">{errorMessage(activate.error)}</Alert>}
            <Textarea label="启用原因（必填）" data-autofocus maxLength={200} autosize minRows={2} value={reason} onChange={(e) => setReason(e.currentTarget.value)} />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setOpened(false)}>取消</Button>
              <Button type="submit" color="teal" disabled={!reason.trim()} loading={activate.isPending}>确认启用</Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
