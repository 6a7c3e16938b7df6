import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contract } from '../../shared/contract';
import { AUDIT_EXTRA_ACTION_TITLES } from '../../shared/labels/audit-detail';

/**
 * The audit log names every act in Chinese (issue 22, fault 3): an act a
 * service records under a name of its own — not a contract method, whose
 * title the contract gives — showed on the audit page as its raw name
 * (PAYMENTS.ENTITLEMENT in a badge). Every `action: '…'` the backend writes
 * must have a title.
 */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'migrations' ? [] : sources(path);
    return e.name.endsWith('.ts') ? [path] : [];
  });
}

describe('audit acts', () => {
  it('each act the backend records has a Chinese title', () => {
    const actions = new Set(sources('db').concat(sources('electron')).flatMap((file) => [...readFileSync(file, 'utf8').matchAll(/action: '([a-zA-Z]+\.[a-zA-Z]+)'/g)].map((m) => m[1]!)));
    expect(actions.size).toBeGreaterThan(50);
    const untitled = [...actions].filter((a) => !(a in contract) && !(a in AUDIT_EXTRA_ACTION_TITLES));
    expect(untitled).toEqual([]);
    for (const title of Object.values(AUDIT_EXTRA_ACTION_TITLES)) expect(title).toMatch(/^[\u3400-\u9fff（）、]+$/);
  });
});
