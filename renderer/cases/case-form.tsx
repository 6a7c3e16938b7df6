import { Checkbox, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { DEFAULT_DIFFICULTY_CATEGORIES, documentsFor, MATTER_CODE_TABLES, type ApplicantKind, type FormField, type MatterType } from '../../shared/domain/matter-types';

function optionsOf(field: FormField) {
  if (field.options === 'difficulty_categories') return DEFAULT_DIFFICULTY_CATEGORIES.filter((c) => c.active).map((c) => ({ value: c.code, label: c.label }));
  if (field.options === 'subsidy_catalogue') return [];
  return field.options ? MATTER_CODE_TABLES[field.options].map(([value, label]) => ({ value, label })) : [];
}

/** The matter type's form, rendered from its data: no screen is written per matter type. */
export function CaseFormFields({ type, form, onChange }: { type: MatterType; form: Record<string, string | null>; onChange: (code: string, value: string | null) => void }) {
  return (
    <SimpleGrid cols={3}>
      {type.fields.map((field) => {
        const common = { label: field.label, withAsterisk: field.required, key: field.code };
        if (field.kind === 'choice') return <Select {...common} data={optionsOf(field)} clearable value={form[field.code] ?? null} onChange={(v) => onChange(field.code, v)} />;
        if (field.kind === 'yes_no') {
          return <Select {...common} data={[{ value: 'yes', label: '是' }, { value: 'no', label: '否' }]} value={form[field.code] ?? null} onChange={(v) => onChange(field.code, v)} />;
        }
        return (
          <TextInput {...common} placeholder={field.kind === 'date' ? 'YYYY-MM-DD' : undefined} maxLength={field.kind === 'date' ? 10 : 200}
            value={form[field.code] ?? ''} onChange={(e) => onChange(field.code, e.currentTarget.value || null)} />
        );
      })}
    </SimpleGrid>
  );
}

/** 材料清单: what the applicant handed in; required ones are marked. */
export function DocumentChecklist({ type, applicant, received, onChange }: { type: MatterType; applicant: ApplicantKind; received: string[]; onChange: (codes: string[]) => void }) {
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
