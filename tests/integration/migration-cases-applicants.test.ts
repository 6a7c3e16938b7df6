import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyMigrations, loadMigrations } from '../../db/migrate';
import { registerFunctions } from '../../db/open';
import { tempDir } from './helpers';

/**
 * Migration 0013 rebuilds `cases` (the applicant may now be an enterprise).
 * A county that has worked for months upgrades: every case, its history
 * and its change capture must come through, and subsidies filed under the
 * old free-text name must land on the new catalogue's code.
 */
const MIGRATIONS = loadMigrations(join(__dirname, '../../db/migrations'));
const BEFORE = MIGRATIONS.findIndex((m) => m.tag.startsWith('0013_'));

function databaseAtVersion12(): Database.Database {
  const db = new Database(join(tempDir('desk-migrate-'), 'desk.db'));
  registerFunctions(db);
  applyMigrations(db, MIGRATIONS.slice(0, BEFORE), new Date('2026-06-01T00:00:00Z'));
  const at = '2026-06-01T02:00:00.000Z';
  db.prepare(`insert into users (id, username, display_name, password_hash, created_at, updated_at) values (1, 'qiantai', '前台', 'x', ?, ?)`).run(at, at);
  db.prepare(`insert into persons (id, id_number, name, sex, birth_date, created_at, updated_at) values (1, '320506198001010012', '张三', 'male', '1980-01-01', ?, ?)`).run(at, at);
  const insertCase = db.prepare(
    `insert into cases (id, receipt_no, matter_type, person_id, state, form, documents, prepared_by, created_at, updated_at) values (?, ?, ?, 1, ?, ?, '["id_card"]', 1, ?, ?)`,
  );
  insertCase.run(1, '320506-2026-00001', 'unemployment_registration', 'approved', '{"unemployedSince":"2026-05-01"}', at, at);
  insertCase.run(2, '320506-2026-00002', 'subsidy_application', 'in_review', '{"subsidyCode":"灵活就业社会保险补贴","periodFrom":"2026-06-01"}', at, at);
  insertCase.run(3, null, 'subsidy_application', 'withdrawn', '{"subsidyCode":"某县自设补贴"}', at, at);
  db.prepare(`insert into case_transitions (case_id, action, from_state, to_state, actor_user_id, at) values (2, 'accept', 'draft', 'accepted', 1, ?)`).run(at);
  db.exec('delete from exchange_changes');
  return db;
}

describe('migration 0013: enterprise applicants and the editable code tables', () => {
  it('keeps every case and its history, maps old subsidy names to catalogue codes, and restores change capture', () => {
    const db = databaseAtVersion12();
    applyMigrations(db, MIGRATIONS.slice(BEFORE, BEFORE + 1), new Date('2026-11-28T00:00:00Z'));

    const cases = db.prepare('select id, receipt_no, person_id, enterprise_id, item_code, state, form from cases order by id').all();
    expect(cases).toEqual([
      { id: 1, receipt_no: '320506-2026-00001', person_id: 1, enterprise_id: null, item_code: '', state: 'approved', form: '{"unemployedSince":"2026-05-01"}' },
      { id: 2, receipt_no: '320506-2026-00002', person_id: 1, enterprise_id: null, item_code: 'flexible_social_insurance', state: 'in_review', form: '{"subsidyCode":"flexible_social_insurance","periodFrom":"2026-06-01"}' },
      // A name the catalogue does not know stays as it was: nothing is guessed.
      { id: 3, receipt_no: null, person_id: 1, enterprise_id: null, item_code: '某县自设补贴', state: 'withdrawn', form: '{"subsidyCode":"某县自设补贴"}' },
    ]);
    expect(db.prepare('select count(*) as n from case_transitions where case_id = 2').get()).toEqual({ n: 1 });
    expect(db.pragma('foreign_key_check')).toEqual([]);
    // The mapped subsidy is a change the province must receive; the untouched rows are not.
    expect(db.prepare("select entity, entity_id from exchange_changes order by seq").all()).toEqual([{ entity: 'cases', entity_id: 2 }]);

    // Change capture is back on the rebuilt table.
    db.exec('delete from exchange_changes');
    db.prepare("update cases set documents = '[]' where id = 1").run();
    expect(db.prepare('select entity, entity_id from exchange_changes').all()).toEqual([{ entity: 'cases', entity_id: 1 }]);

    // The database itself holds to exactly one applicant, and one open case of a type and subsidy per applicant.
    const insert = db.prepare(
      `insert into cases (matter_type, person_id, enterprise_id, item_code, state, form, documents, prepared_by, created_at, updated_at) values ('subsidy_application', ?, ?, ?, 'draft', '{}', '[]', 1, 'x', 'x')`,
    );
    expect(() => insert.run(null, null, 'social_insurance')).toThrow(/CHECK constraint failed: cases_one_applicant/);
    expect(() => insert.run(1, null, 'flexible_social_insurance')).toThrow(/UNIQUE constraint failed/);
    expect(() => insert.run(1, null, 'skill_upgrade')).not.toThrow();

    expect(db.prepare("select count(*) as n from code_entries where table_code = 'difficulty_categories' and active = 1").get()).toEqual({ n: 11 });
    expect(db.prepare("select code, applicant from code_entries where table_code = 'subsidy_catalogue' and code in ('social_insurance', 'flexible_social_insurance') order by code").all()).toEqual([
      { code: 'flexible_social_insurance', applicant: 'person' },
      { code: 'social_insurance', applicant: 'enterprise' },
    ]);
    db.close();
  });
});
