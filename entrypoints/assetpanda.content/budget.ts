/**
 * The content script runs on every Asset Panda page: its gzipped size stays under this budget
 * (printed by every build, asserted by tests/e2e/content-script-bundle.test.ts).
 */
export const CONTENT_SCRIPT_BUDGET_KB = 30;
