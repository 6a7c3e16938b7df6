import { Alert, Modal, MultiSelect, Select, Stack, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { FairParticipation, FairView } from '../../shared/contract';
import { call, errorMessage } from '../api/client';
import { FormActions } from '../shell/form-actions';

/**
 * 添加参会企业 (or, given a participation, change its booth and vacancies):
 * the enterprise from the registry, the booth, and which of its vacancies it brings.
 */
export function ParticipationDialog({ fair, participation, onClose }: { fair: FairView; participation?: FairParticipation; onClose: () => void }) {
  const queryClient = useQueryClient();
  const [search, setSearch] = useState('');
  const [query] = useDebouncedValue(search.trim(), 250);
  const [enterpriseId, setEnterpriseId] = useState<string | null>(participation ? String(participation.enterpriseId) : null);
  const [booth, setBooth] = useState(participation?.boothNumber ?? '');
  const [vacancyIds, setVacancyIds] = useState<string[]>(participation?.vacancies.map((v) => String(v.id)) ?? []);
  const found = useQuery({ queryKey: ['enterprises.search', 'fair', query], queryFn: () => call('enterprises.search', { query, page: 1, pageSize: 20 }), enabled: !participation && query.length > 0 });
  const vacancies = useQuery({
    queryKey: ['vacancies.search', 'fair', enterpriseId],
    queryFn: () => call('vacancies.search', { filters: { enterpriseId: Number(enterpriseId), status: 'open' }, page: 1, pageSize: 200 }),
    enabled: enterpriseId !== null,
  });
  const save = useMutation({
    mutationFn: () => {
      const common = { boothNumber: booth.trim() || null, vacancyIds: vacancyIds.map(Number) };
      return participation
        ? call('fairs.updateParticipation', { id: participation.id, version: participation.version, ...common })
        : call('fairs.addEnterprise', { fairId: fair.id, enterpriseId: Number(enterpriseId), ...common });
    },
    onSuccess: (view) => {
      queryClient.setQueryData(['fairs.get', fair.id], view);
      void queryClient.invalidateQueries({ queryKey: ['fairs.list'] });
      onClose();
    },
  });
  const enterpriseOptions = participation
    ? [{ value: String(participation.enterpriseId), label: participation.enterpriseName }]
    : (found.data?.items ?? []).map((e) => ({ value: String(e.id), label: `${e.name}${e.status === 'closed' ? '（已注销/迁出）' : ''}` }));
  const vacancyOptions = [
    ...(vacancies.data?.items ?? []).map((v) => ({ value: String(v.id), label: `${v.title}（${v.openings}人）` })),
    ...(participation?.vacancies ?? []).filter((v) => !vacancies.data?.items.some((o) => o.id === v.id)).map((v) => ({ value: String(v.id), label: `${v.title}（${v.openings}人）` })),
  ];
  return (
    <Modal opened onClose={onClose} title={participation ? `修改参会信息：${participation.enterpriseName}` : '添加参会企业'} size="40rem">
      <form noValidate onSubmit={(e) => { e.preventDefault(); save.mutate(); }}>
        <Stack>
          {save.isError && <Alert color="red">{errorMessage(save.error)}</Alert>}
          <Select
            label="参会企业"
            placeholder="输入企业名称或统一社会信用代码"
            withAsterisk
            searchable
            disabled={!!participation}
            data-autofocus
            data={enterpriseOptions}
            searchValue={participation ? participation.enterpriseName : search}
            onSearchChange={setSearch}
            filter={({ options }) => options}
            nothingFoundMessage={query ? '没有找到企业' : '请输入查询内容'}
            value={enterpriseId}
            onChange={(v) => { setEnterpriseId(v); setVacancyIds([]); }}
          />
          <TextInput label="展位号" maxLength={20} value={booth} onChange={(e) => setBooth(e.currentTarget.value)} />
          <MultiSelect
            label="参会岗位"
            description="该企业在招的岗位；新岗位请先在企业档案中登记"
            placeholder={enterpriseId ? (vacancyOptions.length ? '选择岗位' : '该企业暂无在招岗位') : '请先选择企业'}
            data={vacancyOptions}
            value={vacancyIds}
            onChange={setVacancyIds}
            searchable
          />
          <FormActions cancel={onClose} loading={save.isPending} disabled={!enterpriseId} />
        </Stack>
      </form>
    </Modal>
  );
}
