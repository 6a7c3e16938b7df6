import { getTableColumns, getTableName, type Table } from 'drizzle-orm';
import { EXCHANGE_AGGREGATES, type ExchangeAggregate } from './aggregates';
import { wireField } from './wire-names';

/**
 * Version of the record schemas (docs/exchange-schemas/). Bump when a field
 * is removed or changes meaning; adding an optional field keeps the version.
 */
export const EXCHANGE_SCHEMA_VERSION = 1;

type JsonSchema = Record<string, unknown>;

function columnSchema(column: { dataType: string; notNull: boolean; enumValues?: readonly string[] | undefined; columnType: string }): JsonSchema {
  const type = column.columnType === 'SQLiteBoolean' ? 'boolean' : column.dataType === 'number' ? 'integer' : 'string';
  const base: JsonSchema = { type: column.notNull ? type : [type, 'null'] };
  if (column.enumValues && column.enumValues.length > 0 && type === 'string') base.enum = column.notNull ? [...column.enumValues] : [...column.enumValues, null];
  return base;
}

function rowSchema(table: Table, omit: readonly string[]): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  const required: string[] = [];
  for (const [field, column] of Object.entries(getTableColumns(table))) {
    if (omit.includes(field)) continue;
    properties[wireField(getTableName(table), field)] = columnSchema(column as never);
    required.push(wireField(getTableName(table), field));
  }
  return { type: 'object', properties, required, additionalProperties: false };
}

/** The JSON Schema of one line of `<entity>.jsonl`, derived from the tables themselves so it cannot drift. */
export function lineSchema(aggregate: ExchangeAggregate): JsonSchema {
  const record = rowSchema(aggregate.root, aggregate.omit) as { properties: Record<string, JsonSchema>; required: string[] };
  for (const child of aggregate.children) {
    const parentField = Object.entries(getTableColumns(child.table)).find(([, c]) => c.name === child.parent.name)![0];
    record.properties[child.field] = { type: 'array', items: rowSchema(child.table, [parentField]) };
    record.required.push(child.field);
  }
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: `urn:jyfw:exchange:v${EXCHANGE_SCHEMA_VERSION}:${aggregate.entity}`,
    title: `${aggregate.title}（${aggregate.entity}.jsonl 的一行）`,
    type: 'object',
    properties: {
      entity: { const: aggregate.entity },
      id: { type: 'integer', description: '县级系统内的记录编号（与发送方代码一起唯一）' },
      changeSeq: { type: 'integer', description: '本记录在本数据包中最新的变更序号；接收方只接受比已存更大的序号' },
      op: { enum: ['upsert', 'cancel', 'correction', 'delete'] },
      record: { oneOf: [record, { type: 'null' }], description: 'op 为 delete 时为 null' },
      reasons: { type: 'array', items: { type: 'string' }, description: 'op 为 correction 时：更正的字段与原因' },
    },
    required: ['entity', 'id', 'changeSeq', 'op', 'record'],
    additionalProperties: false,
  };
}

export function allLineSchemas(): Array<{ entity: string; fileName: string; schema: JsonSchema }> {
  return EXCHANGE_AGGREGATES.map((a) => ({ entity: a.entity, fileName: `${a.entity}.schema.json`, schema: lineSchema(a) }));
}

/** The fields every record of each entity must carry (those of its schema's `required`). */
export function requiredRecordFields(aggregate: ExchangeAggregate): string[] {
  return (lineSchema(aggregate).properties as { record: { oneOf: [{ required: string[] }] } }).record.oneOf[0].required;
}

/**
 * shared/exchange/record-fields.ts as it must read: the province checks records
 * against the published schemas without importing the county's tables.
 */
export function recordFieldsSource(): string {
  const required = EXCHANGE_AGGREGATES.map((a) => `  ${a.entity}: ${JSON.stringify(requiredRecordFields(a))},`).join('\n');
  const corrected = EXCHANGE_AGGREGATES.filter((a) => a.corrections).map((a) => a.entity);
  return `/**
 * Generated from docs/exchange-schemas by scripts/gen-exchange-schemas.ts (a unit test keeps it
 * current): what a receiver checks of each record without the county's tables. Do not edit by hand.
 */

/** Schema version the fields belong to (EXCHANGE_SCHEMA_VERSION). */
export const RECORD_SCHEMA_VERSION = ${EXCHANGE_SCHEMA_VERSION};

/** Every field a record of the entity must carry (its schema's \`required\`). */
export const REQUIRED_RECORD_FIELDS: Readonly<Record<string, readonly string[]>> = {
${required}
};

/** Entities that keep their corrections with reasons: a correction of them must say why. */
export const CORRECTED_WITH_REASONS: readonly string[] = ${JSON.stringify(corrected)};
`;
}
