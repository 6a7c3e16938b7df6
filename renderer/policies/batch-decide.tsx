import { Accordion, Alert, Button, Checkbox, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import type { BatchView } from '../../shared/contract';
import { useQuery } from '@tanstack/react-query';
import { call, errorMessage } from '../api/client';
import { Loaded } from '../shell/loaded';
import { findingKey } from './outreach-section';
import { Amount } from './policy-text';
import { TraceTable } from './verdict-trace';

export type Decision = { findingId: number; decision: 'confirmed' | 'rejected'; reason?: string };
type Item = BatchView['items'][number];

/** How many of a batch's undecided items a reviewer checks before confirming the rest unseen: all of a small batch, 5% of a large one (5 to 20). */
export function sampleSize(n: number): number {
  return n <= 5 ? n : Math.min(20, Math.max(5, Math.ceil(n * 0.05)));
}

function pickSample(items: readonly Item[]): Item[] {
  const pool = [...items];
  for (let i = pool.length - 1; i > 0; i -= 1) {
    const j = Math.floor(Math.random() * (i + 1));
    [pool[i], pool[j]] = [pool[j]!, pool[i]!];
  }
  return pool.slice(0, sampleSize(items.length)).sort((a, b) => a.id - b.id);
}

/** A sample's 判定过程, read when the reviewer opens it (viewing a finding's facts is audited). */
function SampleTrace({ id }: { id: number }) {
  const finding = useQuery({ queryKey: findingKey(id), queryFn: () => call('policies.finding', { id }) });
  return <Loaded query={finding}>{(f) => <><Text size="sm" mb="xs">{f.explanation.headline}</Text><TraceTable trace={f.trace} /></>}</Loaded>;
}

/** 不予确认: the selected items, with the reason the applicants will be told. */
export function RejectDialog({ count, opened, onClose, onReject, pending, error }: {
  count: number; opened: boolean; onClose: () => void; onReject: (reason: string) => void; pending: boolean; error: unknown;
}) {
  const [reason, setReason] = useState('');
  return (
    <Modal opened={opened} onClose={onClose} title={`不予确认（${count} 条）`}>
      <form onSubmit={(e) => { e.preventDefault(); if (reason.trim()) onReject(reason.trim()); }}>
        <Stack>
          {error ? <Alert color="red">{errorMessage(error)}</Alert> : null}
          <Textarea label="不予确认的原因（必填）" data-autofocus maxLength={200} autosize minRows={2} value={reason} onChange={(e) => setReason(e.currentTarget.value)} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>取消</Button>
            <Button type="submit" color="red" disabled={!reason.trim()} loading={pending}>确认不予确认</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/**
 * 核查样本后整批确认: a random sample of the undecided items, each with its
 * trace; once every sample is ticked as checked, all undecided items are
 * confirmed together.
 */
export function SampleDialog({ items, opened, onClose, onConfirm, pending, error }: {
  items: readonly Item[]; opened: boolean; onClose: () => void; onConfirm: () => void; pending: boolean; error: unknown;
}) {
  const [sample] = useState(() => pickSample(items));
  const [checked, setChecked] = useState<ReadonlySet<number>>(new Set());
  const toggle = (id: number) => setChecked((s) => (s.has(id) ? new Set([...s].filter((x) => x !== id)) : new Set([...s, id])));
  return (
    <Modal opened={opened} onClose={onClose} size="xl" title={`核查样本后整批确认（共 ${items.length} 条，抽查 ${sample.length} 条）`}>
      <Stack>
        <Text size="sm">请逐条核对样本的判定过程，全部核对无误后，本批次待确认的 {items.length} 条一并确认，各生成一份预填的补贴申请。</Text>
        {error ? <Alert color="red">{errorMessage(error)}</Alert> : null}
        <Accordion variant="separated" transitionDuration={0}>
          {sample.map((item) => (
            <Accordion.Item key={item.id} value={String(item.id)}>
              <Group wrap="nowrap" pl="sm">
                <Checkbox aria-label={`已核查 ${item.subject.name}`} checked={checked.has(item.id)} onChange={() => toggle(item.id)} />
                <Accordion.Control>
                  <Group gap="xs"><Text fw={500}>{item.subject.name}</Text><Amount fen={item.amountFen} confirmed={item.amountConfirmed} /></Group>
                </Accordion.Control>
              </Group>
              <Accordion.Panel><SampleTrace id={item.id} /></Accordion.Panel>
            </Accordion.Item>
          ))}
        </Accordion>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>取消</Button>
          <Button color="teal" disabled={checked.size < sample.length} loading={pending} onClick={onConfirm}>样本核查无误，整批确认</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
