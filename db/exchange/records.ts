import type Database from 'better-sqlite3';
import { getTableColumns, getTableName, type Table } from 'drizzle-orm';
import type { ExchangeAggregate, ExchangeChild } from './aggregates';
import { wireField } from './wire-names';

/** One line of a package's entity file (docs/exchange-format.md, "Record files"). */
export interface ExchangeLine {
  entity: string;
  id: number;
  /** The newest change number of the record in this package. */
  changeSeq: number;
  /**
   * upsert: new or changed; cancel: withdrawn/merged/closed, kept on record;
   * correction: a change after the province accepted the record, with reasons;
   * delete: the row no longer exists (never done by the desk, sent for completeness).
   */
  op: 'upsert' | 'cancel' | 'correction' | 'delete';
  record: Record<string, unknown> | null;
  reasons?: string[];
}

type Row = Record<string, unknown>;

/** Column name in the database → field name in the record, and how to read its value. */
function columnMap(table: Table, omit: readonly string[] = []): Array<{ column: string; field: string; boolean: boolean }> {
  const name = getTableName(table);
  return Object.entries(getTableColumns(table))
    .filter(([field]) => !omit.includes(field))
    .map(([field, column]) => ({ column: column.name, field: wireField(name, field), boolean: column.columnType === 'SQLiteBoolean' }));
}

/**
 * A child table's fields in its parent's record (the parent column left out)
 * and the order of its rows there: by id, or by every column where it has none,
 * so a record reads the same however it is read (the province compares whole records).
 */
function childLayout(child: ExchangeChild): { columns: ReturnType<typeof columnMap>; order: string } {
  const columns = columnMap(child.table).filter((c) => c.column !== child.parent.name);
  const hasId = columns.some((c) => c.column === 'id');
  return { columns, order: hasId ? 'id' : columns.map((c) => `"${c.column}"`).join(', ') };
}

function toRecord(row: Row, columns: ReturnType<typeof columnMap>): Row {
  const record: Row = {};
  for (const c of columns) {
    const value = row[c.column];
    record[c.field] = c.boolean ? value === 1 || value === true : (value ?? null);
  }
  return record;
}

/**
 * Reads whole records (root row + embedded child rows) with statements
 * prepared once per aggregate, as they stand now.
 */
export class RecordReader {
  private readonly statements = new Map<
    string,
    { root: Database.Statement; rootColumns: ReturnType<typeof columnMap>; children: Array<{ field: string; stmt: Database.Statement; columns: ReturnType<typeof columnMap> }> }
  >();

  constructor(private readonly sqlite: Database.Database) {}

  private prepared(aggregate: ExchangeAggregate) {
    let found = this.statements.get(aggregate.entity);
    if (!found) {
      found = {
        root: this.sqlite.prepare(`select * from "${getTableName(aggregate.root)}" where id = ?`),
        rootColumns: columnMap(aggregate.root, aggregate.omit),
        children: aggregate.children.map((child) => {
          const { columns, order } = childLayout(child);
          return {
            field: child.field,
            columns,
            stmt: this.sqlite.prepare(`select * from "${getTableName(child.table)}" where "${child.parent.name}" = ? order by ${order}`),
          };
        }),
      };
      this.statements.set(aggregate.entity, found);
    }
    return found;
  }

  /**
   * Several records of one entity (ids ascending). A dense run of ids is read
   * with one range statement per table instead of one statement per record
   * and child table — the export's main cost after the cipher.
   */
  readMany(aggregate: ExchangeAggregate, ids: readonly number[]): Map<number, Row> {
    const found = new Map<number, Row>();
    if (ids.length === 0) return found;
    const first = ids[0]!;
    const last = ids[ids.length - 1]!;
    if (ids.length < 8 || last - first + 1 > ids.length * 4) {
      for (const id of ids) {
        const record = this.read(aggregate, id);
        if (record) found.set(id, record);
      }
      return found;
    }
    const p = this.preparedRange(aggregate);
    const wanted = new Set(ids);
    for (const row of p.root.iterate(first, last) as Iterable<Row>) {
      const id = row.id as number;
      if (!wanted.has(id)) continue;
      const record = toRecord(row, p.rootColumns);
      for (const child of p.children) record[child.field] = [];
      found.set(id, record);
    }
    for (const child of p.children) {
      for (const row of child.stmt.iterate(first, last) as Iterable<Row>) {
        const record = found.get(row[child.parent] as number);
        if (record) (record[child.field] as Row[]).push(toRecord(row, child.columns));
      }
    }
    return found;
  }

  private readonly rangeStatements = new Map<
    string,
    { root: Database.Statement; rootColumns: ReturnType<typeof columnMap>; children: Array<{ field: string; parent: string; stmt: Database.Statement; columns: ReturnType<typeof columnMap> }> }
  >();

  private preparedRange(aggregate: ExchangeAggregate) {
    let found = this.rangeStatements.get(aggregate.entity);
    if (!found) {
      found = {
        root: this.sqlite.prepare(`select * from "${getTableName(aggregate.root)}" where id between ? and ? order by id`),
        rootColumns: columnMap(aggregate.root, aggregate.omit),
        children: aggregate.children.map((child) => {
          const { columns, order } = childLayout(child);
          return {
            field: child.field,
            parent: child.parent.name,
            columns,
            // Same order within each record as `read`: the province compares whole records.
            stmt: this.sqlite.prepare(`select * from "${getTableName(child.table)}" where "${child.parent.name}" between ? and ? order by "${child.parent.name}", ${order}`),
          };
        }),
      };
      this.rangeStatements.set(aggregate.entity, found);
    }
    return found;
  }

  read(aggregate: ExchangeAggregate, id: number): Row | null {
    const p = this.prepared(aggregate);
    const row = p.root.get(id) as Row | undefined;
    if (!row) return null;
    const record = toRecord(row, p.rootColumns);
    for (const child of p.children) record[child.field] = (child.stmt.all(id) as Row[]).map((r) => toRecord(r, child.columns));
    return record;
  }
}
