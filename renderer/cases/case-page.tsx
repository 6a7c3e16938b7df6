import { Alert, Badge, Button, Group, Modal, Paper, SimpleGrid, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import type { CaseView } from '../../shared/contract';
import { formatOfficeTimestamp } from '../../shared/domain/dates';
import { KEY_GROUP_LABELS, type KeyGroupCode } from '../../shared/domain/key-groups';
import { CASE_TYPES } from '../../shared/domain/case-types';
import type { EmploymentStatusCode } from '../../shared/domain/code-tables';
import { EMPLOYMENT_STATUS_LABELS } from '../../shared/labels/zh-CN';
import { ACTION_LABELS, STATE_LABELS, type CaseAction } from '../../shared/domain/workflow';
import { call, errorMessage } from '../api/client';
import { useCan } from '../api/queries';
import { Field } from '../shell/field';
import { HeaderRow } from '../shell/header-row';
import { Loaded } from '../shell/loaded';
import { CaseAttachments } from './case-attachments';
import { useFormValueText } from './case-form';
import { EditDraft } from './edit-draft';
import { RateButton } from '../satisfaction/rate-button';

type AvailableAction = CaseView['availableActions'][number];

const statusLabel = (code: string | null) => (code ? (EMPLOYMENT_STATUS_LABELS[code as EmploymentStatusCode] ?? code) : '—');
const keyGroupLabel = (code: string) => KEY_GROUP_LABELS[code as KeyGroupCode] ?? code;
/** Approving asks for an optional comment; the actions that must say why ask for one that is required. */
const asksForComment = (a: AvailableAction) => a.commentRequired || a.action === 'approve';

/**
 * One step of the workflow on this case: the action waiting in the comment
 * dialog, the comment, and the last refusal (or the one a redirect brought).
 */
function useCaseTransition(id: number) {
  const location = useLocation();
  const queryClient = useQueryClient();
  const [pending, setPending] = useState<AvailableAction | null>(null);
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | null>((location.state as { error?: string } | null)?.error ?? null);
  const act = useMutation({
    mutationFn: ({ c, action }: { c: CaseView; action: CaseAction }) =>
      call('cases.transition', { id: c.id, version: c.version, action, comment: comment.trim() || null }),
    onSuccess: (updated, { action }) => {
      queryClient.setQueryData(['cases.get', id], updated);
      void queryClient.invalidateQueries({ queryKey: ['cases.list'] });
      void queryClient.invalidateQueries({ queryKey: ['persons.get', updated.personId] });
      notifications.show({ color: 'green', message: `已${ACTION_LABELS[action]}` });
      setPending(null);
      setComment('');
      setError(null);
    },
    onError: (e) => {
      setError(errorMessage(e));
      setPending(null);
    },
  });
  /** Takes the action at once, or opens the comment dialog first. */
  const start = (c: CaseView, a: AvailableAction) => (asksForComment(a) ? setPending(a) : act.mutate({ c, action: a.action }));
  return { pending, setPending, comment, setComment, error, act, start };
}

type Transition = ReturnType<typeof useCaseTransition>;

/** One case: its facts, documents, history and the actions the caller may take now. */
export function CasePage() {
  const id = Number(useParams().id);
  const canPrepare = useCan('cases.prepare');
  const view = useQuery({ queryKey: ['cases.get', id], queryFn: () => call('cases.get', { id }) });
  const transition = useCaseTransition(id);
  return (
    <Loaded query={view}>
      {(c) => (
        <Stack maw={1100}>
          <CaseHeader c={c} />
          {transition.error && <Alert color="red" data-testid="case-error">{transition.error}</Alert>}
          <CaseFacts c={c} />
          {canPrepare && (c.state === 'draft' || c.state === 'returned') && <EditDraft key={c.id} view={c} />}
          <Paper withBorder p="lg">
            <Text fw={600} mb="xs">材料</Text>
            <Group gap="xs">
              {c.documents.map((d) => (
                <Badge key={d.code} color={d.received ? 'green' : d.required ? 'red' : 'gray'} variant="light">{d.label}：{d.received ? '已收' : '未收'}</Badge>
              ))}
            </Group>
          </Paper>
          <CaseAttachments view={c} canPrepare={canPrepare} />
          <CaseActions c={c} transition={transition} />
          <DecisionSnapshot c={c} />
          <CaseHistory c={c} />
          <TransitionCommentModal c={c} transition={transition} />
        </Stack>
      )}
    </Loaded>
  );
}

/** The case's name and state, and the documents to print and the record to open from here. */
function CaseHeader({ c }: { c: CaseView }) {
  return (
    <Group justify="space-between">
      <Group>
        <Title order={2}>{c.caseLabel}</Title>
        <Badge size="lg" data-testid="case-state">{STATE_LABELS[c.state]}</Badge>
        {c.overdue && <Badge color="red">已超期</Badge>}
      </Group>
      <Group>
        {c.receiptNo && c.acceptedOn && <Button variant="default" component={Link} to={`/cases/${c.id}/receipt`}>打印受理回执</Button>}
        {c.state === 'not_accepted' && <Button variant="default" component={Link} to={`/cases/${c.id}/decline-notice`}>打印不予受理告知书</Button>}
        {c.state === 'rejected' && <Button variant="default" component={Link} to={`/cases/${c.id}/refusal-notice`}>打印不予批准告知书</Button>}
        {c.state === 'approved' && c.caseType === 'difficulty_certification' && (
          <Button variant="default" component={Link} to={`/cases/${c.id}/certification-notice`}>打印认定结果通知</Button>
        )}
        {/* 办结: the citizen rates the window's service once it is decided. */}
        {c.personId !== null && ['approved', 'rejected', 'not_accepted'].includes(c.state) && <RateButton serviceType="window_case" serviceId={c.id} />}
        <Button variant="default" component={Link} to={c.enterpriseId !== null ? `/enterprises/${c.enterpriseId}` : `/persons/${c.personId}`}>
          {c.enterpriseId !== null ? '申请单位档案' : '申请人档案'}
        </Button>
      </Group>
    </Group>
  );
}

/** Who applied, who handled it and when, and the case's own form. */
function CaseFacts({ c }: { c: CaseView }) {
  return (
    <Paper withBorder p="lg">
      <SimpleGrid cols={4}>
        <Field label="受理编号" value={c.receiptNo} />
        <Field label={c.applicantKind === 'enterprise' ? '申请单位' : '申请人'} value={`${c.applicantName}（${c.applicantIdentifier}）`} />
        <Field label="受理日期" value={c.acceptedOn} />
        <Field label="办结期限" value={c.dueDate} />
        <Field label="经办人" value={c.preparedByName} />
        <Field label="受理人" value={c.acceptedByName} />
        <Field label="决定人" value={c.decidedByName} />
        <Field label="决定意见" value={c.decisionComment} />
        <FormValues c={c} />
      </SimpleGrid>
    </Paper>
  );
}

/** The case's own form as people read it: names of codes, 是/否, amounts in 元. */
function FormValues({ c }: { c: CaseView }) {
  const type = CASE_TYPES[c.caseType];
  const text = useFormValueText(type);
  // A decided case names its code-table choices as they read at the decision.
  const frozen = c.decisionSnapshot?.choiceLabels ?? {};
  return <>{type.fields.map((f) => <Field key={f.code} label={f.label} value={frozen[f.code] ?? text(f, c.form[f.code])} />)}</>;
}

/** The workflow's next steps for this caller; the destructive ones in red. */
function CaseActions({ c, transition }: { c: CaseView; transition: Transition }) {
  if (c.availableActions.length === 0) return null;
  return (
    <Group>
      {c.availableActions.map((a) => (
        <Button key={a.action} color={a.action === 'reject' || a.action === 'withdraw' || a.action === 'decline' ? 'red' : undefined} variant={a.action === 'approve' || a.action === 'accept' ? 'filled' : 'light'}
          onClick={() => transition.start(c, a)}>
          {ACTION_LABELS[a.action]}
        </Button>
      ))}
    </Group>
  );
}

/** The applicant as the decision saw them, frozen then so later changes to the record do not rewrite it. */
function DecisionSnapshot({ c }: { c: CaseView }) {
  if (!c.decisionSnapshot) return null;
  return (
    <Alert color="gray" title="决定所依据的情况（决定时冻结）">
      {c.applicantKind === 'enterprise'
        ? `${c.decisionSnapshot.name}，统一社会信用代码 ${c.decisionSnapshot.creditCode ?? '—'}，决定时单位状态：${c.decisionSnapshot.enterpriseStatus === 'closed' ? '已注销' : '存续'}`
        : `${c.decisionSnapshot.name}，${c.decisionSnapshot.age}岁，决定时就业状态：${statusLabel(c.decisionSnapshot.employmentStatus)}，重点群体：${c.decisionSnapshot.keyGroups.map(keyGroupLabel).join('、') || '无'}`}
    </Alert>
  );
}

/** 办理记录: every step taken, by whom, with its comment. */
function CaseHistory({ c }: { c: CaseView }) {
  return (
    <Paper withBorder p="lg">
      <Text fw={600} mb="xs">办理记录</Text>
      <Table withTableBorder data-testid="case-history">
        <HeaderRow labels={['时间', '操作', '状态', '经办人', '意见']} />
        <Table.Tbody>
          {c.transitions.map((t, i) => (
            <Table.Tr key={i}>
              <Table.Td>{formatOfficeTimestamp(t.at)}</Table.Td><Table.Td>{ACTION_LABELS[t.action]}</Table.Td>
              <Table.Td>{STATE_LABELS[t.fromState]} → {STATE_LABELS[t.toState]}</Table.Td><Table.Td>{t.actorName ?? '—'}</Table.Td><Table.Td>{t.comment ?? ''}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}

/** The comment an action asks for before it is taken. */
function TransitionCommentModal({ c, transition }: { c: CaseView; transition: Transition }) {
  const { pending, setPending, comment, setComment, act } = transition;
  return (
    <Modal opened={pending !== null} onClose={() => setPending(null)} title={pending ? ACTION_LABELS[pending.action] : ''}>
      <Stack>
        <Textarea label={pending?.commentRequired ? '意见（必填）' : '意见'} maxLength={500} value={comment} onChange={(e) => setComment(e.currentTarget.value)} />
        <Group justify="flex-end">
          <Button disabled={pending?.commentRequired && !comment.trim()} loading={act.isPending} onClick={() => pending && act.mutate({ c, action: pending.action })}>
            确认{pending ? ACTION_LABELS[pending.action] : ''}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
