import { formatFen } from '../money';
import { describeValue, formatQuantity } from './conditions';
import type { Formula } from './definition';
import { type FactSpec, factSpec } from './facts';

/**
 * 金额公式 → an amount in integer fen with its working in plain Chinese.
 * Amounts are never negative (a negative intermediate is clamped to 0, and
 * validatePolicy refuses a formula that could produce one); a share is
 * floored to the fen so rounding never pays more than the rule says.
 */

/** A named fact as the engine read it: value null when unknown or malformed. */
export interface ReadFact {
  spec: FactSpec | undefined;
  value: unknown;
  seen: string;
}
export type FactReader = (name: string) => ReadFact;

export interface Amount {
  /** null when a fact the formula needs is unknown. */
  fen: number | null;
  /** The working: `3人 × ¥1,500.00 = ¥4,500.00`. */
  seen: string;
  /** The formula: `每人¥1,500.00 × 本年度招用高校毕业生人数`. */
  rule: string;
  /** True when a maxMonths limit lowered the months paid. */
  monthsCapped: boolean;
}

const labelOf = (name: string) => factSpec(name)?.label ?? name;
const unitOf = (name: string) => {
  const type = factSpec(name)?.type;
  return type?.kind === 'number' ? type.unit : '';
};

/** A formula in plain Chinese, for the trace and the policy page. */
export function describeFormula(formula: Formula): string {
  switch (formula.kind) {
    case 'fixed':
      return `定额${formatFen(formula.amountFen)}`;
    case 'perUnit': {
      const unit = unitOf(formula.unitsFrom[0] ?? '');
      const caps = [
        formula.maxUnits === undefined ? '' : `最多${formatQuantity(unit, formula.maxUnits)}`,
        formula.capFen === undefined ? '' : `最高${formatFen(formula.capFen)}`,
      ].filter(Boolean);
      return `每${unit}${formatFen(formula.amountFen)} × ${formula.unitsFrom.map(labelOf).join(' + ')}${caps.length ? `（${caps.join('，')}）` : ''}`;
    }
    case 'share':
      return `${labelOf(formula.of)}的${formula.percent}%${formula.capFen === undefined ? '' : `（最高${formatFen(formula.capFen)}）`}`;
    case 'byCode': {
      const spec = factSpec(formula.fact);
      const codeText = (code: string) => (spec ? describeValue(spec, code) : code);
      const rows = formula.rows.map((row) => `${row.codes.map(codeText).join('、')}：${describeFormula(row.formula)}`);
      if (formula.otherwise) rows.push(`其他：${describeFormula(formula.otherwise)}`);
      return `按${labelOf(formula.fact)}分档（${rows.join('；')}）`;
    }
  }
}

const unknown = (formula: Formula, what: string): Amount => ({ fen: null, seen: `${what}未知，无法计算`, rule: describeFormula(formula), monthsCapped: false });

/**
 * The amount of a formula over the facts read. `monthsCap` (from a maxMonths
 * limit) caps the units of a perUnit formula counted in months.
 */
export function computeAmount(formula: Formula, read: FactReader, monthsCap: number | null): Amount {
  const rule = describeFormula(formula);
  switch (formula.kind) {
    case 'fixed':
      return { fen: Math.max(0, formula.amountFen), seen: formatFen(Math.max(0, formula.amountFen)), rule, monthsCapped: false };
    case 'perUnit': {
      const facts = formula.unitsFrom.map(read);
      const missing = formula.unitsFrom.filter((_, i) => typeof facts[i]!.value !== 'number');
      if (missing.length > 0) return unknown(formula, missing.map(labelOf).join('、'));
      const unit = unitOf(formula.unitsFrom[0]!);
      let units = Math.max(0, facts.reduce((sum, f) => sum + (f.value as number), 0));
      const notes: string[] = [];
      if (formula.maxUnits !== undefined && units > formula.maxUnits) {
        units = formula.maxUnits;
        notes.push(`按上限${formatQuantity(unit, units)}计`);
      }
      const inMonths = formula.unitsFrom.every((name) => unitOf(name) === '月');
      const monthsCapped = inMonths && monthsCap !== null && units > monthsCap;
      if (monthsCapped) {
        units = monthsCap;
        notes.push(`享受期限只剩${formatQuantity(unit, units)}`);
      }
      let fen = Math.max(0, formula.amountFen) * units;
      if (formula.capFen !== undefined && fen > formula.capFen) {
        fen = Math.max(0, formula.capFen);
        notes.push(`封顶${formatFen(fen)}`);
      }
      const counted = facts.length > 1 ? `（${facts.map((f) => f.seen).join(' + ')}）` : '';
      const seen = `${formatQuantity(unit, units)}${counted} × ${formatFen(formula.amountFen)} = ${formatFen(fen)}${notes.length ? `（${notes.join('，')}）` : ''}`;
      return { fen, seen, rule, monthsCapped };
    }
    case 'share': {
      const base = read(formula.of);
      if (typeof base.value !== 'number') return unknown(formula, labelOf(formula.of));
      // Percent to basis points first, so 90% of an integer is integer arithmetic, exact below 2^53.
      let fen = Math.max(0, Math.floor((base.value * Math.round(formula.percent * 100)) / 10_000));
      let note = '';
      if (formula.capFen !== undefined && fen > formula.capFen) {
        fen = Math.max(0, formula.capFen);
        note = `（封顶${formatFen(fen)}）`;
      }
      return { fen, seen: `${base.seen} × ${formula.percent}% = ${formatFen(fen)}${note}`, rule, monthsCapped: false };
    }
    case 'byCode': {
      const chosen = read(formula.fact);
      if (typeof chosen.value !== 'string') return unknown(formula, labelOf(formula.fact));
      const code = chosen.value;
      const branch = formula.rows.find((row) => row.codes.includes(code))?.formula ?? formula.otherwise;
      if (!branch) return { fen: 0, seen: `${labelOf(formula.fact)}「${chosen.seen}」不在金额表中，金额为0`, rule, monthsCapped: false };
      const inner = computeAmount(branch, read, monthsCap);
      return { ...inner, seen: `${labelOf(formula.fact)}「${chosen.seen}」：${inner.seen}`, rule };
    }
  }
}

/** The facts a formula reads. */
export function formulaFacts(formula: Formula): string[] {
  switch (formula.kind) {
    case 'fixed':
      return [];
    case 'perUnit':
      return [...formula.unitsFrom];
    case 'share':
      return [formula.of];
    case 'byCode':
      return [formula.fact, ...formula.rows.flatMap((r) => formulaFacts(r.formula)), ...(formula.otherwise ? formulaFacts(formula.otherwise) : [])];
  }
}
