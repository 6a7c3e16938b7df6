import { Select, type ComboboxItem, type OptionsFilter } from '@mantine/core';
import { useMemo, useState } from 'react';
import { OCCUPATION_GROUPS } from '../../shared/domain/enterprise-codes';
import { matchesPlace, placeSearchKeys } from '../../shared/domain/pinyin-keys';

/** A code of 职业分类大典（2022）as the contract takes it: a major group, or down to the occupation (4-07-02-03). */
const OCCUPATION_CODE = /^[1-8](-\d{2}){0,3}$/;

const GROUPS = OCCUPATION_GROUPS.map(([code, name]) => ({ code, name, searchKeys: placeSearchKeys(name) }));
const groupName = (code: string) => OCCUPATION_GROUPS.find(([c]) => c === code[0])?.[1] ?? '';

/**
 * 职业 picked by name or pinyin over what the desk holds of 职业分类大典（2022）:
 * its 8 major groups (typing 专业 or zyjs finds 专业技术人员). The desk has no
 * table of the 大典's middle, minor and detailed classes (no trustworthy public
 * copy of the 2022 edition was found: see README), so a finer code the clerk
 * knows from the 大典 is typed in full and taken as it is typed, named with its
 * major group; the contract checks its form again.
 */
export function OccupationSelect({ label, value, onChange, error, placeholder = '名称、拼音首字母或代码' }: {
  label: string;
  value: string;
  onChange: (code: string) => void;
  error?: React.ReactNode;
  placeholder?: string;
}) {
  const [search, setSearch] = useState('');
  const typed = search.trim();
  const data = useMemo<ComboboxItem[]>(() => {
    const items = GROUPS.map((g) => ({ value: g.code, label: `${g.code} ${g.name}` }));
    const extra = [value, typed].filter((c, i, all) => OCCUPATION_CODE.test(c) && c.length > 1 && all.indexOf(c) === i);
    return [...extra.map((c) => ({ value: c, label: `职业代码 ${c}（${groupName(c)}）` })), ...items];
  }, [value, typed]);
  const filter: OptionsFilter = ({ options, search: text }) =>
    options.filter((item) => {
      if ('group' in item) return false;
      const group = GROUPS.find((g) => g.code === item.value);
      return group ? matchesPlace(group, text) : item.value.startsWith(text.trim()) || item.label === text;
    });
  return (
    <Select label={label} placeholder={placeholder} searchable clearable allowDeselect={false} data={data} filter={filter} error={error}
      nothingFoundMessage="没有匹配的职业大类；知道大典代码的，请输入完整代码，如 4-07-02-03"
      value={value || null} onChange={(v) => onChange(v ?? '')} searchValue={search} onSearchChange={setSearch} />
  );
}
