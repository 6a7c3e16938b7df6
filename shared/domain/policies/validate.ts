import { validationMessage } from '../../labels/validation-messages';
import { conditionValueProblem, kindLabel } from './conditions';
import { type ConditionNode, type Formula, type PolicyDefinition, isAllOf, isAnyOf, policyDefinitionSchema } from './definition';
import { type FactSpec, type FactTarget, factSpec, factValueProblem } from './facts';
import { impossibleConditions } from './ranges';

/**
 * validatePolicy: every reason a policy definition may not be saved or
 * activated, each a Chinese sentence that starts with the place it is about
 * (条件2 › 比较值, 有效期止, 金额公式 › 第2行 › 金额) and names the fact or rule.
 * Empty means the definition is sound. The shape is checked first; the
 * meaning only of a definition whose shape is right.
 */

export interface PolicyProblem {
  /** Dot path into the definition: `conditions.1.value`. */
  path: string;
  /** Chinese, starting with the place: `条件2（年龄）：…`. */
  message: string;
}

type Path = ReadonlyArray<PropertyKey>;

const FIELDS: Record<string, string> = {
  code: '代码', version: '版本号', name: '名称', legalBasis: '政策依据（文号）', target: '政策对象', paidTo: '发放对象',
  effectiveFrom: '有效期起', effectiveTo: '有效期止', fundSource: '资金来源', noApplication: '免申即享', amountsConfirmed: '金额已确认',
  benefit: '金额公式', fact: '事实', op: '比较方式', value: '比较值', note: '说明', amountFen: '金额', percent: '比例',
  capFen: '封顶金额', of: '基数事实', maxUnits: '数量上限', otherwise: '其他情形', formula: '公式', times: '次数', per: '期间',
  months: '月数', waivedWhen: '例外条件', text: '内容', policyCode: '政策代码', on: '评估日', born: '出生信息', facts: '事实',
  expect: '预期结果', result: '结果', label: '名称', birthDate: '出生日期', sex: '性别', kind: '种类',
  conditions: '条件', anyOf: '满足其一', allOf: '全部满足', limits: '享受限制', cases: '测试用例', checklist: '核查清单',
  exclusions: '排斥政策', rows: '金额表', unitsFrom: '计数事实', codes: '代码', confirmedChecklist: '已核查项',
};
const LISTS: Record<string, (n: number) => string> = {
  conditions: (n) => `条件${n}`, anyOf: (n) => `满足其一第${n}项`, allOf: (n) => `全部满足第${n}项`, rows: (n) => `第${n}行`,
  limits: (n) => `享受限制${n}`, cases: (n) => `测试用例${n}`, checklist: (n) => `核查清单第${n}项`,
  exclusions: (n) => `排斥政策第${n}项`, waivedWhen: () => '例外条件', unitsFrom: (n) => `计数事实${n}`, codes: (n) => `代码${n}`, confirmedChecklist: (n) => `已核查项${n}`,
};

/** `条件2 › 满足其一第1项 › 比较值` for ['conditions', 1, 'anyOf', 0, 'value']. */
export function placeOf(path: Path): string {
  const parts: string[] = [];
  for (let i = 0; i < path.length; i += 1) {
    const seg = String(path[i]);
    const next = path[i + 1];
    if (typeof next === 'number' && LISTS[seg]) {
      parts.push(LISTS[seg](next + 1));
      i += 1;
    } else parts.push(FIELDS[seg] ?? seg);
  }
  return parts.join(' › ') || '政策';
}

const TARGET_LABELS: Record<FactTarget, string> = { person: '个人', enterprise: '单位' };

class Problems {
  readonly list: PolicyProblem[] = [];
  add(path: Path, message: string): void {
    this.list.push({ path: path.map(String).join('.'), message: `${placeOf(path)}：${message}` });
  }
}

/** The spec of a fact a policy of `target` may use, or a problem at `path` and undefined. */
function usableFact(name: string, target: FactTarget, path: Path, problems: Problems): FactSpec | undefined {
  const spec = factSpec(name);
  if (!spec) {
    problems.add(path, `没有名为“${name}”的事实（见事实目录）`);
    return undefined;
  }
  if (!spec.targets.includes(target)) {
    problems.add(path, `「${spec.label}」是${spec.targets.map((t) => TARGET_LABELS[t]).join('或')}的事实，本政策的对象是${TARGET_LABELS[target]}`);
    return undefined;
  }
  return spec;
}

function checkConditions(nodes: readonly ConditionNode[], target: FactTarget, path: Path, problems: Problems): void {
  nodes.forEach((node, i) => {
    const at = [...path, i];
    if (isAnyOf(node)) return checkConditions(node.anyOf, target, [...at, 'anyOf'], problems);
    if (isAllOf(node)) return checkConditions(node.allOf, target, [...at, 'allOf'], problems);
    const spec = usableFact(node.fact, target, [...at, 'fact'], problems);
    if (!spec) return;
    const problem = conditionValueProblem(spec, node);
    if (problem) problems.add([...at, 'value'], `「${spec.label}」${problem}`);
  });
}

/** Leaf by leaf, then the tree as a whole: no group of conditions may be impossible to meet together. */
function checkConditionTree(nodes: readonly ConditionNode[], target: FactTarget, path: Path, problems: Problems): void {
  const before = problems.list.length;
  checkConditions(nodes, target, path, problems);
  // Ranges are read only from conditions that are well formed, so a typo is reported once, as a typo.
  if (problems.list.length > before) return;
  for (const { path: at, message } of impossibleConditions(nodes, path)) problems.add(at, message);
}

/** Can this number fact be negative (so a formula over it could pay a negative amount)? */
const canBeNegative = (spec: FactSpec) => spec.type.kind === 'number' && spec.type.min < 0;

function checkFormula(formula: Formula, target: FactTarget, path: Path, problems: Problems): void {
  const numberFact = (name: string, at: Path) => {
    const spec = usableFact(name, target, at, problems);
    if (spec && spec.type.kind !== 'number') {
      problems.add(at, `「${spec.label}」是${kindLabel(spec.type)}，金额公式只能按数值计算`);
      return undefined;
    }
    return spec;
  };
  const notNegative = (value: number | undefined, at: Path, what: string) => {
    if (value !== undefined && value < 0) problems.add(at, `${what}为负数（${value}），公式会算出负的金额`);
  };
  switch (formula.kind) {
    case 'fixed':
      notNegative(formula.amountFen, [...path, 'amountFen'], '金额');
      return;
    case 'perUnit':
      notNegative(formula.amountFen, [...path, 'amountFen'], '每单位金额');
      notNegative(formula.maxUnits, [...path, 'maxUnits'], '数量上限');
      notNegative(formula.capFen, [...path, 'capFen'], '封顶金额');
      formula.unitsFrom.forEach((name, i) => {
        const spec = numberFact(name, [...path, 'unitsFrom', i]);
        if (spec && canBeNegative(spec)) problems.add([...path, 'unitsFrom', i], `「${spec.label}」可以为负数，按它计数会算出负的金额`);
      });
      return;
    case 'share': {
      notNegative(formula.percent, [...path, 'percent'], '比例');
      notNegative(formula.capFen, [...path, 'capFen'], '封顶金额');
      const spec = numberFact(formula.of, [...path, 'of']);
      if (spec && canBeNegative(spec)) problems.add([...path, 'of'], `「${spec.label}」可以为负数，按它的比例会算出负的金额`);
      return;
    }
    case 'byCode': {
      const spec = usableFact(formula.fact, target, [...path, 'fact'], problems);
      if (spec && spec.type.kind !== 'code') problems.add([...path, 'fact'], `「${spec.label}」是${kindLabel(spec.type)}，金额表只能按代码分档`);
      formula.rows.forEach((row, i) => {
        if (spec?.type.kind === 'code') {
          row.codes.forEach((code, j) => {
            if (factValueProblem(spec, code)) problems.add([...path, 'rows', i, 'codes', j], `“${code}”不是「${spec.label}」代码表中的值`);
          });
        }
        checkFormula(row.formula, target, [...path, 'rows', i, 'formula'], problems);
      });
      if (formula.otherwise) checkFormula(formula.otherwise, target, [...path, 'otherwise'], problems);
      return;
    }
  }
}

function checkCases(def: PolicyDefinition, problems: Problems): void {
  const checklistCodes = new Set(def.checklist.map((item) => item.code));
  def.cases.forEach((testCase, i) => {
    const at = ['cases', i];
    if (testCase.born && def.target !== 'person') problems.add([...at, 'born'], '单位政策的测试用例不能有出生信息');
    for (const [name, value] of Object.entries(testCase.facts)) {
      const spec = usableFact(name, def.target, [...at, 'facts', name], problems);
      const problem = spec && value !== null ? factValueProblem(spec, value) : null;
      if (spec && problem) problems.add([...at, 'facts', name], `「${spec.label}」${problem}`);
    }
    (testCase.confirmedChecklist ?? []).forEach((code, j) => {
      if (!checklistCodes.has(code)) problems.add([...at, 'confirmedChecklist', j], `核查清单中没有“${code}”`);
    });
    const { result, amountFen } = testCase.expect;
    if (amountFen !== null && amountFen < 0) problems.add([...at, 'expect', 'amountFen'], '预期金额不能为负数');
    if (result === 'not_eligible' && amountFen !== null) problems.add([...at, 'expect', 'amountFen'], '不符合时预期金额应为空');
  });
}

function duplicates(values: readonly string[]): string[] {
  return [...new Set(values.filter((v, i) => values.indexOf(v) !== i))];
}

/** All problems of a definition (or of anything claiming to be one), in Chinese; [] when it is sound. */
export function validatePolicy(input: unknown): PolicyProblem[] {
  const problems = new Problems();
  const parsed = policyDefinitionSchema.safeParse(input, { error: validationMessage });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) problems.add(issue.path, issue.message);
    return problems.list;
  }
  const def = parsed.data;
  if (def.effectiveTo && def.effectiveTo < def.effectiveFrom) {
    problems.add(['effectiveTo'], `${def.effectiveTo} 早于有效期起 ${def.effectiveFrom}，有效期不能倒置`);
  }
  checkConditionTree(def.conditions, def.target, ['conditions'], problems);
  checkFormula(def.benefit, def.target, ['benefit'], problems);
  def.limits.forEach((limit, i) => {
    if (limit.kind === 'maxAmount' && limit.amountFen <= 0) problems.add(['limits', i, 'amountFen'], '累计最高金额应大于0');
    if (limit.kind === 'maxMonths' && limit.waivedWhen) checkConditionTree([limit.waivedWhen], def.target, ['limits', i, 'waivedWhen'], problems);
  });
  const kinds = def.limits.map((l) => l.kind);
  for (const kind of duplicates(kinds)) problems.add(['limits'], `同一种享受限制（${kind}）只能有一条`);
  def.exclusions.forEach((ex, i) => {
    if (ex.policyCode === def.code) problems.add(['exclusions', i, 'policyCode'], '政策不能排斥自己（重复享受由享受限制管）');
  });
  for (const code of duplicates(def.exclusions.map((e) => e.policyCode))) problems.add(['exclusions'], `排斥政策“${code}”重复`);
  for (const code of duplicates(def.checklist.map((c) => c.code))) problems.add(['checklist'], `核查项代码“${code}”重复`);
  checkCases(def, problems);
  return problems.list;
}

/** Problems of a set of versions: a code and version once; versions of one code not in force on the same day. */
export function catalogueProblems(defs: readonly PolicyDefinition[]): string[] {
  const problems: string[] = [];
  const byCode = new Map<string, PolicyDefinition[]>();
  for (const def of defs) byCode.set(def.code, [...(byCode.get(def.code) ?? []), def]);
  for (const [code, versions] of byCode) {
    const sorted = [...versions].sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? -1 : 1));
    for (const v of duplicates(versions.map((d) => String(d.version)))) problems.push(`政策“${code}”的版本${v}重复`);
    for (let i = 1; i < sorted.length; i += 1) {
      const prev = sorted[i - 1]!;
      const next = sorted[i]!;
      if (!prev.effectiveTo || prev.effectiveTo >= next.effectiveFrom) {
        problems.push(`政策“${code}”的版本${prev.version}与版本${next.version}有效期重叠（${next.effectiveFrom}起两个版本同时有效）`);
      }
    }
  }
  return problems;
}
