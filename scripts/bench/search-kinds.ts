/**
 * The kinds of registry search the benchmark times (scripts/bench/run.ts):
 * for each, the condition the service builds, how a query is sampled from a
 * person of the benchmark county, and the raw statement's parameters.
 */
import { nameSearchKeys } from '../../shared/domain/pinyin-keys';

const EMPLOYMENT_STATUSES = ['employed', 'unemployed_registered', 'unemployed_unregistered', 'not_in_labour_force', 'retired'] as const;
/** Age bands of the statistics (DOMAIN.md §4). */
const AGE_BANDS = [
  [16, 24],
  [25, 45],
  [46, 60],
] as const;

export interface Filters {
  keyGroup?: string;
  employmentStatus?: string;
  residenceTownshipCode?: string;
  ageMin?: number;
  ageMax?: number;
}

/** One search as staff would type it, and the raw statements' parameters for it. */
export interface Case {
  query: string;
  filters?: Filters;
  params: unknown[];
}

export interface SampledPerson {
  id: number;
  idNumber: string;
  name: string;
  sex: 'male' | 'female';
  birthDate: string;
  phone: string | null;
  township: string | null;
  employmentStatus: string;
}

export interface Kind {
  name: string;
  description: string;
  /** The WHERE condition the service builds for this kind, besides `merged_into_id is null`. */
  where: string;
  /**
   * A kind read from a derived table (search keys, key-group tags), which
   * merged records have no rows in: no `merged_into_id` test, and the total is
   * counted in that table's index from this subquery (same parameters).
   */
  idSet?: string;
  /** The page's order: names alphabetically (name queries), else newest record first. */
  order: 'name' | 'newest';
  sample(person: SampledPerson, random: () => number): Case | null;
}

export const UFFFF = '\uffff';
const digitsWhere = `((phone_reversed >= ? and phone_reversed < ?) or id in (select rowid from person_id_fts where person_id_fts match ?))`;
const keysIds = 'select person_id from person_search_keys where key >= ? and key < ?';
const keysWhere = `id in (${keysIds})`;
const groupIds = 'select person_id from person_key_groups where code = ?';
const reverse = (text: string) => [...text].reverse().join('');
const isCompound = (name: string) => name.length > 3 || ['欧阳', '司马'].includes(name.slice(0, 2));

function yearsBefore(today: string, years: number): string {
  return `${Number(today.slice(0, 4)) - years}${today.slice(4)}`;
}

export function kinds(today: string, groupCodes: string[]): Kind[] {
  return [
    {
      name: 'exactId',
      order: 'newest',
      description: 'full 18-digit ID number',
      where: 'id_number = ?',
      sample: (p) => ({ query: p.idNumber, params: [p.idNumber] }),
    },
    {
      name: 'idFragment',
      order: 'newest',
      description: '6 middle digits of an ID number (positions 9–14: YYMMDD of the birth date)',
      where: digitsWhere,
      sample: (p) => {
        const digits = p.idNumber.slice(8, 14);
        return { query: digits, params: [reverse(digits), reverse(digits) + UFFFF, `"${digits}"`] };
      },
    },
    {
      name: 'name',
      order: 'name',
      description: 'a full 2-character name, drawn by frequency (张伟, 王芳 …)',
      where: `((name >= ? and name < ?) or ${keysWhere})`,
      sample: (p) => (p.name.length === 2 ? { query: p.name, params: [p.name, p.name + UFFFF, p.name, p.name + UFFFF] } : null),
    },
    {
      name: 'surnamePrefix',
      order: 'name',
      description: 'surname only (张): a huge match set, first page',
      // One character is read from the name index alone (no given-name keys).
      where: '(name >= ? and name < ?)',
      sample: (p) => {
        if (isCompound(p.name)) return null;
        const s = p.name.slice(0, 1);
        return { query: s, params: [s, s + UFFFF] };
      },
    },
    {
      name: 'pinyinInitials',
      order: 'newest',
      description: 'pinyin initials of a 2-character name (zw, ws …)',
      where: keysWhere,
      idSet: keysIds,
      sample: (p, random) => {
        if (p.name.length !== 2 || isCompound(p.name)) return null;
        const initials = nameSearchKeys(p.name).filter((k) => /^[a-z]{2}$/.test(k));
        const q = initials[Math.floor(random() * initials.length)];
        return q ? { query: q, params: [q, q + UFFFF] } : null;
      },
    },
    {
      name: 'pinyinPrefix',
      order: 'newest',
      description: 'full pinyin of the surname + first letter of the given name (zhangw)',
      where: keysWhere,
      idSet: keysIds,
      sample: (p) => {
        if (isCompound(p.name)) return null;
        const full = nameSearchKeys(p.name).filter((k) => /^[a-z]+$/.test(k) && k.length > p.name.length);
        const surnames = nameSearchKeys(p.name.slice(0, 1)).filter((k) => /^[a-z]{2,}$/.test(k));
        for (const s of surnames) {
          const key = full.find((k) => k.startsWith(s) && k.length > s.length);
          if (key) {
            const q = key.slice(0, s.length + 1);
            return { query: q, params: [q, q + UFFFF] };
          }
        }
        return null;
      },
    },
    {
      name: 'phoneSuffix',
      order: 'newest',
      description: 'last 4 digits of a mobile number (ID fragments need 6 digits)',
      where: '(phone_reversed >= ? and phone_reversed < ?)',
      sample: (p) => {
        if (!p.phone) return null;
        const digits = p.phone.slice(-4);
        return { query: digits, params: [reverse(digits), reverse(digits) + UFFFF] };
      },
    },
    {
      name: 'fullPhone',
      order: 'newest',
      description: 'full 11-digit mobile number (also tried as an ID fragment)',
      where: '(phone = ? or id in (select rowid from person_id_fts where person_id_fts match ?))',
      sample: (p) => (p.phone ? { query: p.phone, params: [p.phone, `"${p.phone}"`] } : null),
    },
    {
      name: 'filteredList',
      order: 'newest',
      description: 'no query; township + employment status + age band (16–24, 25–45, 46–60)',
      where: 'employment_status = ? and residence_township_code = ? and birth_date <= ? and birth_date > ?',
      sample: (p, random) => {
        if (!p.township) return null;
        const [ageMin, ageMax] = AGE_BANDS[Math.floor(random() * AGE_BANDS.length)]!;
        const status = random() < 0.5 ? p.employmentStatus : EMPLOYMENT_STATUSES[Math.floor(random() * EMPLOYMENT_STATUSES.length)]!;
        return {
          query: '',
          filters: { employmentStatus: status, residenceTownshipCode: p.township, ageMin, ageMax },
          params: [status, p.township, yearsBefore(today, ageMin), yearsBefore(today, ageMax + 1)],
        };
      },
    },
    {
      name: 'keyGroup',
      order: 'newest',
      description: 'no query; one key group (重点群体) filter',
      where: `id in (${groupIds})`,
      idSet: groupIds,
      sample: (_p, random) => {
        const code = groupCodes[Math.floor(random() * groupCodes.length)];
        return code ? { query: '', filters: { keyGroup: code }, params: [code] } : null;
      },
    },
  ];
}
