import { Alert, Modal, Select, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { FairView } from '../../shared/contract';
import type { FairCampaign, FairChannel, FairTargetGroup } from '../../shared/domain/fair-codes';
import { call } from '../api/client';
import { applyFieldErrors } from '../api/form-errors';
import { CAMPAIGN_OPTIONS, CHANNEL_OPTIONS, TARGET_GROUP_OPTIONS } from './options';
import { FormActions } from '../shell/form-actions';
import { onInvalidFields } from '../shell/focus-first-error';

interface FairValues {
  name: string; campaign: string | null; targetGroup: string | null; channel: string | null;
  startDate: string; endDate: string; venue: string; organizer: string; notes: string;
}

const FIELDS = ['name', 'campaign', 'targetGroup', 'channel', 'startDate', 'endDate', 'venue', 'organizer', 'notes'];
const blank = (v: string) => (v.trim() === '' ? null : v.trim());

/** 新建/修改招聘会; dates are typed (YYYY-MM-DD), as everywhere at the desk. */
export function FairFormDialog({ fair, onClose, onSaved }: { fair?: FairView; onClose: () => void; onSaved: (fair: FairView) => void }) {
  const queryClient = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const form = useForm<FairValues>({
    initialValues: {
      name: fair?.name ?? '', campaign: fair?.campaign ?? null, targetGroup: fair?.targetGroup ?? 'any', channel: fair?.channel ?? 'on_site',
      startDate: fair?.startDate ?? '', endDate: fair?.endDate ?? '', venue: fair?.venue ?? '', organizer: fair?.organizer ?? '', notes: fair?.notes ?? '',
    },
  });
  const save = useMutation({
    mutationFn: (v: FairValues) => {
      const fields = {
        name: v.name, campaign: (v.campaign ?? '') as FairCampaign, targetGroup: (v.targetGroup ?? '') as FairTargetGroup, channel: (v.channel ?? '') as FairChannel,
        startDate: v.startDate.trim(), endDate: blank(v.endDate), venue: blank(v.venue), organizer: blank(v.organizer), notes: blank(v.notes),
      };
      return fair ? call('fairs.update', { id: fair.id, version: fair.version, ...fields }) : call('fairs.create', fields);
    },
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: ['fairs.list'] });
      queryClient.setQueryData(['fairs.get', saved.id], saved);
      notifications.show({ color: 'green', message: `已保存招聘会：${saved.name}` });
      onSaved(saved);
    },
    onError: (e) => setError(applyFieldErrors(e, form.setFieldError, FIELDS)),
  });
  return (
    <Modal opened onClose={onClose} title={fair ? '修改招聘会' : '新建招聘会'} size="50rem">
      <form noValidate onSubmit={form.onSubmit((v) => { setError(null); save.mutate(v); }, onInvalidFields)}>
        <Stack>
          {error && <Alert color="red">{error}</Alert>}
          <TextInput label="招聘会名称" withAsterisk data-autofocus maxLength={100} {...form.getInputProps('name')} />
          <SimpleGrid cols={3}>
            <Select label="活动类型" withAsterisk searchable data={CAMPAIGN_OPTIONS} {...form.getInputProps('campaign')} />
            <Select label="服务对象" withAsterisk data={TARGET_GROUP_OPTIONS} allowDeselect={false} {...form.getInputProps('targetGroup')} />
            <Select label="举办形式" withAsterisk data={CHANNEL_OPTIONS} allowDeselect={false} {...form.getInputProps('channel')} />
            <TextInput label="举办日期" withAsterisk placeholder="YYYY-MM-DD" maxLength={10} {...form.getInputProps('startDate')} />
            <TextInput label="结束日期" placeholder="多日举办时填写" maxLength={10} {...form.getInputProps('endDate')} />
            <TextInput label="举办地点" placeholder="现场地址或网络平台" maxLength={100} {...form.getInputProps('venue')} />
          </SimpleGrid>
          <TextInput label="主办单位" maxLength={100} {...form.getInputProps('organizer')} />
          <Textarea label="备注" maxLength={500} {...form.getInputProps('notes')} />
          <FormActions cancel={onClose} loading={save.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
