import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { call } from '../api/client';
import { useCan } from '../api/queries';

/**
 * 从企业库选择: looks the employer up in the county's enterprise registry by
 * name or credit code; choosing one fills the name and the credit code the
 * form asks for. Staff without access to the registry type both by hand.
 */
export function EnterprisePicker({ onPick }: { onPick: (enterprise: { name: string; creditCode: string | null }) => void }) {
  const canRead = useCan('enterprises.read');
  const [search, setSearch] = useState('');
  const [query] = useDebouncedValue(search.trim(), 250);
  const found = useQuery({
    queryKey: ['enterprises.search', 'picker', query],
    queryFn: () => call('enterprises.search', { query, page: 1, pageSize: 10 }),
    enabled: canRead && query.length >= 2,
  });
  if (!canRead) return null;
  const items = found.data?.items ?? [];
  return (
    <Select
      label="从企业库选择"
      placeholder="输入企业名称或信用代码"
      searchable
      clearable
      value={null}
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options }) => options}
      nothingFoundMessage={query.length < 2 ? '请至少输入2个字' : found.isFetching ? '正在查询…' : '企业库中没有，请直接填写名称和代码'}
      data={items.map((e) => ({ value: String(e.id), label: `${e.name}（${e.creditCode ?? e.registrationNumber ?? '无代码'}）` }))}
      onChange={(id) => {
        const picked = items.find((e) => String(e.id) === id);
        if (picked) onPick({ name: picked.name, creditCode: picked.creditCode ?? picked.registrationNumber });
        setSearch('');
      }}
    />
  );
}
