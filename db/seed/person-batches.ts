import { keyGroupFacts, reversedPhone } from '../services/person-derived';
import { computeKeyGroups, keyGroupsRecheckOn } from '../../shared/domain/key-groups';
import { nameSearchKeys } from '../../shared/domain/pinyin-keys';
import { PersonGenerator, personValues, type GeneratorOptions, type SqlValue } from './person-generator';

/**
 * One batch of synthetic persons with everything the services derive from a
 * row at write time: the reversed phone, the pinyin search keys and the key
 * groups for the office date. Plain arrays, so a worker thread can post it.
 */
export interface PersonBatch {
  from: number;
  to: number;
  /** Person rows, each in PERSON_COLUMNS order. */
  rows: SqlValue[][];
  /** Search keys: [key, personId]. */
  keys: Array<[string, number]>;
  /** Stored key groups: [personId, code, until]. */
  groups: Array<[number, string, string | null]>;
  /** When each person's key groups must be recomputed: [personId, recheckOn]. */
  schedule: Array<[number, string]>;
  /** Time spent making the batch. */
  ms: number;
  /** Names whose keys came from the memo so far. */
  memoHits: number;
}

export class BatchMaker {
  private readonly generator: PersonGenerator;
  /** Names recur (张伟, 王芳 …): pinyin is computed once per name, in a bounded memo. */
  private memo = new Map<string, string[]>();
  private memoHits = 0;

  constructor(private readonly options: GeneratorOptions & { memoLimit?: number }) {
    this.generator = new PersonGenerator(options);
  }

  private keysOf(name: string): string[] {
    const known = this.memo.get(name);
    if (known) {
      this.memoHits += 1;
      return known;
    }
    const keys = nameSearchKeys(name);
    if (this.memo.size >= (this.options.memoLimit ?? 300_000)) this.memo = new Map();
    this.memo.set(name, keys);
    return keys;
  }

  make(from: number, to: number): PersonBatch {
    const started = performance.now();
    const rows: SqlValue[][] = [];
    const keys: Array<[string, number]> = [];
    const groups: Array<[number, string, string | null]> = [];
    const schedule: Array<[number, string]> = [];
    for (let id = from; id <= to; id += 1) {
      const person = this.generator.next(id);
      person.phoneReversed = reversedPhone(person.phone);
      rows.push(personValues(person));
      for (const key of this.keysOf(person.name)) keys.push([key, id]);
      const facts = keyGroupFacts(person);
      for (const tag of computeKeyGroups(facts, this.options.today)) groups.push([id, tag.code, tag.until ?? null]);
      schedule.push([id, keyGroupsRecheckOn(facts, this.options.today)]);
    }
    return { from, to, rows, keys, groups, schedule, ms: performance.now() - started, memoHits: this.memoHits };
  }
}
