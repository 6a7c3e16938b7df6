/**
 * Fields whose name in the published exchange format differs from the desk's
 * own: the format (v1, docs/exchange-format.md) keeps the name it was
 * published with — the desk renamed `matterType` to `caseType` when it chose
 * one English word for 业务 (docs/glossary.md); a later format version may
 * follow. Records and their JSON Schemas both name fields through here.
 */
const WIRE_FIELDS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  cases: { caseType: 'matterType' },
};

/** The record field of a table's column property in the exchange format. */
export function wireField(table: string, field: string): string {
  return WIRE_FIELDS[table]?.[field] ?? field;
}
