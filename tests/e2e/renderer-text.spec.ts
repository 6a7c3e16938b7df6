import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { contract } from '../../shared/contract';
import { appPaths } from '../../electron/paths';

/**
 * What the built renderer can put on screen: every string literal of the
 * bundle that carries Chinese text (so it is meant for a user) must not name a
 * contract method (`persons.register`) or a record by its database number
 * (`#123`, `草稿 #${id}`). Reads the production bundle `npm run build` made,
 * so it runs with the end-to-end tests, after the build.
 */
test('the built renderer shows users no contract method names and no #<number> ids', () => {
  const dir = join(appPaths().rendererDir, 'assets');
  const bundle = readdirSync(dir).filter((f) => f.endsWith('.js')).map((f) => readFileSync(join(dir, f), 'utf8')).join('\n');
  const methods = Object.keys(contract);
  const literal = /(["'`])((?:(?!\1)[^\\\n]|\\.){0,400}?)\1/g;
  const shown = [...bundle.matchAll(literal)].map((m) => m[2]!).filter((s) => /[\u3400-\u9fff]/.test(s));
  expect(shown.length, 'the bundle has Chinese text to check').toBeGreaterThan(500);
  const offenders = shown.filter((s) => methods.some((m) => s.includes(m)) || /#(\$\{|\d)/.test(s));
  expect(offenders).toEqual([]);
});
