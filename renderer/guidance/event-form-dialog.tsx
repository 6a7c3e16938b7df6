import { Alert, Modal, NumberInput, Select, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { GuidanceEventView } from '../../shared/contract';
import { GUIDANCE_EVENT_KINDS, type GuidanceEventKind } from '../../shared/domain/guidance';
import { call } from '../api/client';
import { applyFieldErrors } from '../api/form-errors';
import { onInvalidFields } from '../shell/focus-first-error';
import { FormActions } from '../shell/form-actions';

interface EventValues {
  kind: GuidanceEventKind | null; title: string; eventDate: string; startTime: string; endTime: string; place: string; capacity: number | string; notes: string;
}

const FIELDS = ['kind', 'title', 'eventDate', 'startTime', 'endTime', 'place', 'capacity', 'notes'];
export const EVENT_KIND_OPTIONS = GUIDANCE_EVENT_KINDS.map(([value, label]) => ({ value, label }));

/** 新建团体指导活动: the counselor who creates it leads it; day and times typed as at the rest of the desk. */
export function EventFormDialog({ onClose, onSaved }: { onClose: () => void; onSaved: (event: GuidanceEventView) => void }) {
  const queryClient = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const form = useForm<EventValues>({ initialValues: { kind: 'lecture', title: '', eventDate: '', startTime: '09:30', endTime: '', place: '', capacity: 30, notes: '' } });
  const save = useMutation({
    mutationFn: (v: EventValues) =>
      call('guidance.createEvent', {
        kind: (v.kind ?? '') as GuidanceEventKind, title: v.title, eventDate: v.eventDate.trim(), startTime: v.startTime.trim(), endTime: v.endTime.trim() || null,
        place: v.place, capacity: typeof v.capacity === 'number' ? v.capacity : Number.NaN, notes: v.notes.trim() || null,
      }),
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: ['guidance.events'] });
      notifications.show({ color: 'green', message: `已新建活动：${saved.title}` });
      onSaved(saved);
    },
    onError: (e) => setError(applyFieldErrors(e, form.setFieldError, FIELDS)),
  });
  return (
    <Modal opened onClose={onClose} title="新建团体指导活动" size="44rem">
      <form noValidate onSubmit={form.onSubmit((v) => { setError(null); save.mutate(v); }, onInvalidFields)}>
        <Stack>
          {error && <Alert color="red">{error}</Alert>}
          <SimpleGrid cols={3}>
            <Select label="活动类型" withAsterisk allowDeselect={false} data={EVENT_KIND_OPTIONS} {...form.getInputProps('kind')} />
            <TextInput label="活动名称" withAsterisk data-autofocus maxLength={100} style={{ gridColumn: 'span 2' }} {...form.getInputProps('title')} />
            <TextInput label="活动日期" withAsterisk placeholder="YYYY-MM-DD" maxLength={10} {...form.getInputProps('eventDate')} />
            <TextInput label="开始时间" withAsterisk placeholder="09:30" maxLength={5} {...form.getInputProps('startTime')} />
            <TextInput label="结束时间" placeholder="11:30" maxLength={5} {...form.getInputProps('endTime')} />
            <TextInput label="活动地点" withAsterisk maxLength={100} style={{ gridColumn: 'span 2' }} {...form.getInputProps('place')} />
            <NumberInput label="名额" withAsterisk min={1} max={1000} allowDecimal={false} {...form.getInputProps('capacity')} />
          </SimpleGrid>
          <Textarea label="备注" maxLength={500} {...form.getInputProps('notes')} />
          <FormActions cancel={onClose} loading={save.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
