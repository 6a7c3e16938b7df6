import { Select, type ComboboxItem, type ComboboxParsedItem, type OptionsFilter, type SelectProps } from '@mantine/core';
import { useMemo, useState } from 'react';
import { matchesPlace } from '../../shared/domain/pinyin-keys';

export interface PickerOption {
  code: string;
  name: string;
  searchKeys: string[];
}

/**
 * A division (or any coded name) picked by name, code or pinyin — 木渎, mdz,
 * mudu or 320506103 all find 木渎镇 — never typed as a raw code. A value the
 * list does not hold (a household registered outside Jiangsu, read from the ID
 * number) stays shown by its code rather than vanishing.
 */
export function PlaceSelect({ options, ...props }: { options: PickerOption[] | undefined } & Omit<SelectProps, 'data' | 'filter'>) {
  const byCode = useMemo(() => new Map((options ?? []).map((o) => [o.code, o])), [options]);
  const data = useMemo<ComboboxItem[]>(() => {
    const items = (options ?? []).map((o) => ({ value: o.code, label: o.name }));
    const value = typeof props.value === 'string' ? props.value : null;
    return value && options && !byCode.has(value) ? [{ value, label: `区划代码 ${value}` }, ...items] : items;
  }, [options, byCode, props.value]);
  const filter: OptionsFilter = ({ options: shown, search, limit }) => {
    const matched: ComboboxParsedItem[] = [];
    for (const item of shown) {
      if ('group' in item) continue;
      const option = byCode.get(item.value);
      if (option ? matchesPlace(option, search) : item.label.includes(search.trim())) matched.push(item);
      if (matched.length >= limit) break;
    }
    return matched;
  };
  // Enter on the place already chosen (a default from the ID number, confirmed by the clerk) keeps it and shows its
  // name again instead of the letters typed; the clear button clears. Mantine resets the text only when the value changes.
  const [search, setSearch] = useState('');
  const keep = (code: string) => {
    props.onOptionSubmit?.(code);
    if (code === props.value) setSearch(data.find((d) => d.value === code)?.label ?? '');
  };
  return <Select searchable allowDeselect={false} data={data} filter={filter} nothingFoundMessage="没有匹配的名称" {...props}
    searchValue={search} onSearchChange={setSearch} onOptionSubmit={keep} />;
}
