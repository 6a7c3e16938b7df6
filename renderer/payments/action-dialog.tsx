import { Alert, Button, Group, Modal, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { officeDate } from '../../shared/domain/dates';
import { yuanToFen } from '../../shared/domain/money';
import { RpcCallError, errorMessage } from '../api/client';

/** The contract's field messages of a refused call, by input path. */
export function fieldErrorsOf(error: unknown): Record<string, string> {
  return error instanceof RpcCallError ? (error.error.fields ?? {}) : {};
}

/** A refusal as one red alert: the sentence, then each field's message the form does not show beside a field. */
export function RefusalAlert({ error, shownFields = [] }: { error: unknown; shownFields?: readonly string[] }) {
  if (!error) return null;
  const message = errorMessage(error);
  // A file refused whole (the bank's result) lists every problem, one a line, besides the first in the sentence.
  const problems = error instanceof RpcCallError && typeof error.error.details?.problems === 'string' ? error.error.details.problems.split('\n') : [];
  const fields = Object.entries(fieldErrorsOf(error)).filter(([path, m]) => !shownFields.includes(path) && !message.includes(m));
  return (
    <Alert color="red" data-testid="refusal">
      <Text size="sm">{message}</Text>
      {problems.length > 1 && problems.map((p, i) => <Text key={i} size="sm">· {p}</Text>)}
      {fields.map(([path, m]) => <Text key={path} size="sm">{m}</Text>)}
    </Alert>
  );
}

export interface ActionValues {
  reason: string;
  on: string;
  amountFen: number | null;
}

/**
 * A confirmation for an action on money: what it does, and the reason (and
 * where the rule asks, the date and the amount) that go on record. The confirm
 * button stays off until everything required is there.
 */
export function ActionDialog({ title, children, reasonLabel, reasonRequired = true, withDate, amount, confirmLabel, color, pending, error, onClose, onConfirm }: {
  title: string;
  children?: ReactNode;
  /** null: no reason field. */
  reasonLabel: string | null;
  reasonRequired?: boolean;
  withDate?: string;
  /** The amount field's label and its value at opening (fen). */
  amount?: { label: string; initialFen: number | null; field: string };
  confirmLabel: string;
  color?: string;
  pending: boolean;
  error: unknown;
  onClose: () => void;
  onConfirm: (values: ActionValues) => void;
}) {
  const [reason, setReason] = useState('');
  const [on, setOn] = useState(officeDate(new Date()));
  const [amountText, setAmountText] = useState(amount?.initialFen != null ? (amount.initialFen / 100).toFixed(2) : '');
  const fields = fieldErrorsOf(error);
  const amountFen = amount ? yuanToFen(amountText) : null;
  const amountProblem = amount && amountText.trim() !== '' && (amountFen === null || amountFen <= 0) ? '请输入大于0的金额（元），最多两位小数' : null;
  const ready = (!reasonLabel || !reasonRequired || reason.trim() !== '') && (!withDate || on.trim() !== '') && (!amount || (amountFen !== null && amountFen > 0));
  const submit = () => { if (ready) onConfirm({ reason: reason.trim(), on: on.trim(), amountFen }); };
  const shown = ['reason', 'note', 'on', ...(amount ? [amount.field] : [])];
  return (
    <Modal opened onClose={onClose} title={title} size="lg">
      <form onSubmit={(e) => { e.preventDefault(); submit(); }}>
        <Stack>
          {children}
          <RefusalAlert error={error} shownFields={shown} />
          {amount && (
            <TextInput label={`${amount.label}（元）`} withAsterisk w={220} value={amountText} onChange={(e) => setAmountText(e.currentTarget.value)}
              error={amountProblem ?? fields[amount.field]} />
          )}
          {withDate && (
            <TextInput label={withDate} withAsterisk w={220} maxLength={10} placeholder="YYYY-MM-DD" value={on} onChange={(e) => setOn(e.currentTarget.value)} error={fields.on} />
          )}
          {reasonLabel && (
            <Textarea label={`${reasonLabel}${reasonRequired ? '（必填）' : ''}`} data-autofocus maxLength={200} autosize minRows={2}
              value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={fields.reason ?? fields.note} />
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>取消</Button>
            <Button type="submit" color={color} disabled={!ready} loading={pending}>{confirmLabel}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
