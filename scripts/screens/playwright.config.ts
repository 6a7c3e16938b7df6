import base from '../../playwright.config';

/**
 * Screenshots of every page as each role of the demo county (issue 22), outside the suite:
 *   npm run build && npx playwright test -c scripts/screens/playwright.config.ts
 * The images go to SCREENS_DIR (default <tmp>/desk-screens; Playwright empties test-results/ at each run) to be looked at.
 */
export default { ...base, testDir: '.', timeout: 1_200_000, reporter: [['list']] };
