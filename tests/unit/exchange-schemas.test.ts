import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allLineSchemas, recordFieldsSource } from '../../db/exchange/schemas';

const DIR = join(import.meta.dirname, '..', '..', 'docs', 'exchange-schemas');

describe('the record schemas the province implements from', () => {
  it('are current: docs/exchange-schemas matches the exported tables (regenerate with npx tsx scripts/gen-exchange-schemas.ts)', () => {
    const expected = allLineSchemas();
    expect(readdirSync(DIR).sort()).toEqual(expected.map((s) => s.fileName).sort());
    for (const { fileName, schema } of expected) expect(JSON.parse(readFileSync(join(DIR, fileName), 'utf8')), fileName).toEqual(schema);
  });

  it('are what the province checks records against: shared/exchange/record-fields.ts is current (same script regenerates it)', () => {
    const file = join(import.meta.dirname, '..', '..', 'shared', 'exchange', 'record-fields.ts');
    expect(readFileSync(file, 'utf8')).toBe(recordFieldsSource());
  });

  it('describe a person record with its qualifications and without derived search helpers', () => {
    const persons = allLineSchemas().find((s) => s.entity === 'persons')!.schema as { properties: { record: { oneOf: [{ properties: Record<string, unknown> }] } } };
    const fields = persons.properties.record.oneOf[0].properties;
    expect(fields).toHaveProperty('idNumber', { type: 'string' });
    expect(fields).toHaveProperty('qualifications');
    expect(fields).not.toHaveProperty('phoneReversed');
    expect(fields).toHaveProperty('isVeteran', { type: 'boolean' });
  });
});
