import { Alert, Badge, Button, Group, Modal, Stack, Table, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { StationView } from '../../shared/contract';
import { call, errorMessage } from '../api/client';
import { useTownships } from '../api/queries';
import { PlaceSelect } from '../shell/place-select';

export const STATIONS_KEY = ['stations.list'] as const;

export function useStations() {
  return useQuery({ queryKey: STATIONS_KEY, queryFn: () => call('stations.list', {}) });
}

/** 设立服务站: its township and, when it sits in one, village or community, picked by name from the county's divisions. */
function StationDialog({ onClose }: { onClose: () => void }) {
  const queryClient = useQueryClient();
  const townships = useTownships();
  const [name, setName] = useState('');
  const [townshipCode, setTownshipCode] = useState<string | null>(null);
  const [villageCode, setVillageCode] = useState<string | null>(null);
  const [address, setAddress] = useState('');
  const [error, setError] = useState<string | null>(null);
  const villages = useQuery({ queryKey: ['divisions.villages', townshipCode], queryFn: () => call('divisions.villages', { townshipCode: townshipCode! }), enabled: townshipCode !== null, staleTime: Infinity });
  const save = useMutation({
    mutationFn: () => call('stations.create', { name: name.trim(), townshipCode: townshipCode ?? '', villageCode, address: address.trim() }),
    onSuccess: () => { void queryClient.invalidateQueries({ queryKey: STATIONS_KEY }); onClose(); },
    onError: (e) => setError(errorMessage(e)),
  });
  return (
    <Modal opened onClose={onClose} title="设立就业服务站">
      <form noValidate onSubmit={(e) => { e.preventDefault(); setError(null); save.mutate(); }}>
        <Stack>
          {error && <Alert color="red" data-testid="station-error">{error}</Alert>}
          <TextInput label="服务站名称" withAsterisk data-autofocus maxLength={60} value={name} onChange={(e) => setName(e.currentTarget.value)} />
          <PlaceSelect label="所在乡镇（街道）" withAsterisk placeholder="输入名称或拼音" options={townships.data} value={townshipCode} onChange={(v) => { setTownshipCode(v); setVillageCode(null); }} />
          <PlaceSelect label="所在村（社区）" description="设在乡镇（街道）的服务站不填" placeholder={townshipCode ? '输入名称或拼音' : '请先选择乡镇（街道）'} clearable disabled={!townshipCode}
            options={villages.data} value={villageCode} onChange={setVillageCode} />
          <TextInput label="地址" withAsterisk maxLength={100} value={address} onChange={(e) => setAddress(e.currentTarget.value)} />
          <Group justify="flex-end"><Button variant="default" onClick={onClose}>取消</Button><Button type="submit" loading={save.isPending}>保存</Button></Group>
        </Stack>
      </form>
    </Modal>
  );
}

function CloseButton({ station }: { station: StationView }) {
  const queryClient = useQueryClient();
  const toggle = useMutation({
    mutationFn: () => call('stations.update', { id: station.id, version: station.version, name: station.name, address: station.address, status: station.status === 'active' ? 'closed' : 'active' }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: STATIONS_KEY }),
  });
  return <Button size="compact-xs" variant="light" color={station.status === 'active' ? 'red' : 'blue'} loading={toggle.isPending} onClick={() => toggle.mutate()}>{station.status === 'active' ? '撤销' : '恢复'}</Button>;
}

/** 就业服务站 (系统管理): the county's stations, where they are, and who works at each (assigned on the account). */
export function StationsPanel() {
  const stations = useStations();
  const [creating, setCreating] = useState(false);
  if (stations.isError) return <Alert color="red">{errorMessage(stations.error)}</Alert>;
  return (
    <Stack>
      <Group justify="space-between">
        <Text size="sm" c="dimmed">工作人员的所属服务站在“账号管理”中设置；其受理的业务记入该服务站，登记人员时居住乡镇默认为服务站所在乡镇。</Text>
        <Button onClick={() => setCreating(true)}>设立服务站</Button>
      </Group>
      <Table withTableBorder striped data-testid="station-list">
        <Table.Thead><Table.Tr><Table.Th>服务站</Table.Th><Table.Th>乡镇（街道）</Table.Th><Table.Th>村（社区）</Table.Th><Table.Th>地址</Table.Th><Table.Th>工作人员</Table.Th><Table.Th>状态</Table.Th><Table.Th /></Table.Tr></Table.Thead>
        <Table.Tbody>
          {(stations.data ?? []).map((s) => (
            <Table.Tr key={s.id}>
              <Table.Td>{s.name}</Table.Td><Table.Td>{s.townshipName}</Table.Td><Table.Td>{s.villageName ?? '—'}</Table.Td><Table.Td>{s.address}</Table.Td>
              <Table.Td>{s.staff.map((u) => u.displayName).join('、') || '—'}</Table.Td>
              <Table.Td><Badge variant="light" color={s.status === 'active' ? 'green' : 'gray'}>{s.status === 'active' ? '在用' : '已撤销'}</Badge></Table.Td>
              <Table.Td><CloseButton station={s} /></Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {stations.data?.length === 0 && <Text c="dimmed">还没有就业服务站</Text>}
      {creating && <StationDialog onClose={() => setCreating(false)} />}
    </Stack>
  );
}
