import { Checkbox, Group, Radio, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { CodeTableEntry } from '../../shared/contract';
import { applicantMayApply, type EditableCodeTable } from '../../shared/domain/editable-code-tables';
import {
  documentsFor, formatFenAsYuan, isCaseCodeTable, CASE_CODE_TABLES, MAX_AMOUNT_FEN, parseYuanToFen, type ApplicantKind, type FormField, type CaseType,
} from '../../shared/domain/case-types';
import { useCodeTable } from '../api/queries';
import { EnterprisePicker } from './enterprise-picker';

type FormValues = Record<string, string | null>;
type Change = (code: string, value: string | null) => void;

/** A stored amount (whole fen as a string) as it is typed and read: "1,500.50"; anything else as it is. */
function fenText(value: string | null | undefined): string {
  return value && /^\d{1,12}$/.test(value) ? formatFenAsYuan(Number(value)) : (value ?? '');
}

function editableTable(field: FormField): EditableCodeTable | null {
  return field.options === 'difficulty_categories' || field.options === 'subsidy_catalogue' ? field.options : null;
}

/**
 * New choices: the entries in use (and, in the subsidy catalogue, open to this
 * applicant). The value already saved is always kept, marked when retired, so a
 * draft filed before the administrator retired it still shows what it says.
 */
function choicesFrom(entries: readonly CodeTableEntry[], table: EditableCodeTable, applicant: ApplicantKind, current: string | null) {
  const offered = entries.filter((e) => e.active && (table !== 'subsidy_catalogue' || applicantMayApply(e.applicant, applicant)));
  const data: { value: string; label: string; disabled?: boolean }[] = offered.map((e) => ({ value: e.code, label: e.label }));
  if (current && !offered.some((e) => e.code === current)) {
    const saved = entries.find((e) => e.code === current);
    const note = !saved ? '（不在代码表中）' : !saved.active ? '（已停用）' : '（此申请人不能申请）';
    data.push({ value: current, label: `${saved?.label ?? current}${note}`, disabled: true });
  }
  return data;
}

function EditableChoice({ field, table, applicant, value, onChange, error }: { field: FormField; table: EditableCodeTable; applicant: ApplicantKind; value: string | null; onChange: Change; error?: string }) {
  const entries = useCodeTable(table);
  return (
    <Select label={field.label} withAsterisk={field.required} searchable clearable nothingFoundMessage="没有符合的项目" data-path={field.code}
      placeholder={entries.isPending ? '正在读取…' : '请选择'} error={entries.isError ? '选项读取失败，请刷新后重试' : error}
      data={choicesFrom(entries.data ?? [], table, applicant, value)} value={value} onChange={(v) => onChange(field.code, v)} />
  );
}

/**
 * An amount typed in 元 ("1500", "1,500.50") and kept in the form as whole 分. Text that is
 * not an amount stays in the form as typed, so saving is refused rather than keeping an older amount.
 */
function AmountField({ field, value, onChange, shownError }: { field: FormField; value: string | null; onChange: Change; shownError?: string }) {
  const [text, setText] = useState(() => fenText(value));
  const fen = parseYuanToFen(text);
  const error = text.trim() === '' ? undefined
    : fen === null ? '请输入金额（元），如 1500 或 1,500.50，最多两位小数'
    : fen === 0 ? '金额应大于0'
    : fen > MAX_AMOUNT_FEN ? '超过单笔上限（1000万元），请核对'
    : undefined;
  const change = (typed: string) => {
    setText(typed);
    const parsed = parseYuanToFen(typed);
    onChange(field.code, typed.trim() === '' ? null : parsed === null ? typed.trim() : String(parsed));
  };
  return (
    <TextInput label={field.label} withAsterisk={field.required} inputMode="decimal" placeholder="如 1,500.00" maxLength={20} data-path={field.code}
      rightSection={<Text size="sm" c="dimmed">元</Text>} rightSectionPointerEvents="none" error={error ?? shownError}
      value={text} onChange={(e) => change(e.currentTarget.value)} onBlur={() => fen !== null && fen > 0 && setText(formatFenAsYuan(fen))} />
  );
}

/**
 * The case type's form, rendered from its data: no screen is written per case type. `errors`
 * (by field code) marks the fields a refused save named; each input carries its code as `data-path`
 * so the first of them can take the focus.
 */
/**
 * 是 / 否 as the paper form prints it (□是 □否): one click, or arrow keys, and no
 * default — the clerk asks. Each radio carries the field's error for screen
 * readers and the tests; the first carries `data-path`, so a refused save focuses it.
 */
function YesNoField({ field, value, onChange, error }: { field: FormField; value: string | null; onChange: Change; error?: string }) {
  return (
    <Radio.Group label={field.label} withAsterisk={field.required} error={error} value={value ?? ''} onChange={(v) => onChange(field.code, v || null)}>
      <Group mt={8}>
        <Radio value="yes" label="是" aria-invalid={!!error} data-path={field.code} />
        <Radio value="no" label="否" aria-invalid={!!error} />
      </Group>
    </Radio.Group>
  );
}

export function CaseFormFields({ type, applicant, form, onChange, errors = {}, autoFocus = false }: {
  type: CaseType; applicant: ApplicantKind; form: FormValues; onChange: Change; errors?: Readonly<Record<string, string>>;
  /** A new case at the window: the first field of the paper form takes the focus. */
  autoFocus?: boolean;
}) {
  return (
    <SimpleGrid cols={3}>
      {type.fields.map((field, index) => {
        const value = form[field.code] ?? null;
        const table = editableTable(field);
        const error = errors[field.code];
        if (table) return <EditableChoice key={field.code} field={field} table={table} applicant={applicant} value={value} onChange={onChange} {...(error ? { error } : {})} />;
        if (field.kind === 'amount_fen') return <AmountField key={field.code} field={field} value={value} onChange={onChange} {...(error ? { shownError: error } : {})} />;
        const common = { label: field.label, withAsterisk: field.required, error, 'data-path': field.code, autoFocus: autoFocus && index === 0 };
        if (field.kind === 'choice') {
          const data: { value: string; label: string }[] = isCaseCodeTable(field.options) ? CASE_CODE_TABLES[field.options].map(([v, label]) => ({ value: v, label })) : [];
          // A value typed before the field became a list (失业原因) stays visible until staff pick from the list.
          if (value !== null && !data.some((d) => d.value === value)) data.push({ value, label: `${value}（原填写，请改选）` });
          return <Select key={field.code} {...common} data={data} clearable value={value} onChange={(v) => onChange(field.code, v)} />;
        }
        if (field.kind === 'yes_no') return <YesNoField key={field.code} field={field} value={value} onChange={onChange} {...(error ? { error } : {})} />;
        const input = (
          <TextInput key={field.code} {...common} placeholder={field.kind === 'date' ? 'YYYY-MM-DD' : undefined} maxLength={field.kind === 'date' ? 10 : 200}
            value={value ?? ''} onChange={(e) => onChange(field.code, e.currentTarget.value || null)} />
        );
        if (!field.lookup) return input;
        const { creditCodeField } = field.lookup;
        return [
          <EnterprisePicker key={`${field.code}-lookup`} onPick={(e) => { onChange(field.code, e.name); onChange(creditCodeField, e.creditCode); }} />,
          input,
        ];
      })}
    </SimpleGrid>
  );
}

/**
 * A saved form value as people read it: the label of a code (an administrator's entry, even a
 * retired one), 是/否, an amount as "1,500.00 元". For the case page and printouts.
 */
export function useFormValueText(type: CaseType): (field: FormField, value: string | null | undefined) => string | null {
  const uses = (t: EditableCodeTable) => type.fields.some((f) => f.options === t);
  const categories = useCodeTable('difficulty_categories', uses('difficulty_categories'));
  const subsidies = useCodeTable('subsidy_catalogue', uses('subsidy_catalogue'));
  return (field, value) => {
    if (value === null || value === undefined || value === '') return null;
    if (field.kind === 'yes_no') return value === 'yes' ? '是' : value === 'no' ? '否' : value;
    if (field.kind === 'amount_fen') return /^\d{1,12}$/.test(value) ? `${formatFenAsYuan(Number(value))} 元` : value;
    const table = editableTable(field);
    if (table) return ((table === 'difficulty_categories' ? categories : subsidies).data ?? []).find((e) => e.code === value)?.label ?? value;
    if (isCaseCodeTable(field.options)) {
      return CASE_CODE_TABLES[field.options].find(([code]) => code === value)?.[1] ?? value;
    }
    return value;
  };
}

/** 材料清单: what the applicant handed in; required ones are marked. */
export function DocumentChecklist({ type, applicant, received, onChange }: { type: CaseType; applicant: ApplicantKind; received: string[]; onChange: (codes: string[]) => void }) {
  return (
    <Stack gap={4}>
      <Text fw={600} size="sm">收取的材料</Text>
      {documentsFor(type, applicant).map((d) => (
        <Checkbox key={d.code} label={`${d.label}${d.required ? '（必需）' : d.requiredWhen ? '（视情况必需）' : ''}`} checked={received.includes(d.code)}
          onChange={(e) => onChange(e.currentTarget.checked ? [...received, d.code] : received.filter((c) => c !== d.code))} />
      ))}
    </Stack>
  );
}
