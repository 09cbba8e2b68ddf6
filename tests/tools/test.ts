// `npm test`: every check of the project in order, with one closing line that CI reads:
// `N passed, N failed`. Typecheck, lint and build count as one check each; vitest counts each test.
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { outputDir } from './paths.ts';
import { runTool } from './run.ts';

interface Tally {
  passed: number;
  failed: number;
}

/** The part of vitest's JSON report we count from. */
interface VitestReport {
  numPassedTests: number;
  numFailedTests: number;
  testResults: Array<{ status: string; assertionResults: Array<{ status: string }> }>;
}

const reportDir = `${outputDir}/test-results`;
const tally: Tally = { passed: 0, failed: 0 };
const failures: string[] = [];

// Types of the entrypoints come from .wxt/, which must match the current entrypoints.
if ((await runTool('wxt', ['prepare'])) !== 0) record('wxt prepare', { passed: 0, failed: 1 });
await check('typecheck', 'tsc', ['--noEmit']);
await check('lint', 'oxlint', ['--deny-warnings']);
await vitest('unit, UI and sandbox tests', ['--project', 'unit', '--project', 'ui', '--project', 'sandbox'], 'unit-ui-sandbox');
await check('Firefox build', 'wxt', ['build', '-b', 'firefox']);
if (await check('build', 'wxt', ['build'])) {
  await vitest('end-to-end tests', ['--project', 'e2e'], 'e2e');
} else {
  console.log('\nEnd-to-end tests skipped: they need the build.');
}

if (failures.length > 0) console.log(`\nFailed: ${failures.join('; ')}`);
console.log(`${tally.passed} passed, ${tally.failed} failed`);
process.exitCode = tally.failed > 0 ? 1 : 0;

async function check(name: string, tool: string, args: string[]): Promise<boolean> {
  const ok = (await runTool(tool, args)) === 0;
  record(name, ok ? { passed: 1, failed: 0 } : { passed: 0, failed: 1 });
  return ok;
}

async function vitest(name: string, args: string[], reportName: string): Promise<void> {
  const reportFile = `${reportDir}/${reportName}.json`;
  mkdirSync(reportDir, { recursive: true });
  rmSync(reportFile, { force: true });
  const exitCode = await runTool('vitest', [
    'run',
    ...args,
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${reportFile}`,
  ]);
  const counted = countTests(reportFile);
  // A file that fails to load, or an error outside any test, fails the run without failing a test.
  if (exitCode !== 0 && counted.failed === 0) counted.failed = 1;
  record(name, counted);
}

function countTests(reportFile: string): Tally {
  if (!existsSync(reportFile)) return { passed: 0, failed: 0 };
  const report = JSON.parse(readFileSync(reportFile, 'utf8')) as VitestReport;
  const filesFailedOutsideTests = report.testResults.filter(
    (file) => file.status === 'failed' && !file.assertionResults.some((test) => test.status === 'failed'),
  ).length;
  return { passed: report.numPassedTests, failed: report.numFailedTests + filesFailedOutsideTests };
}

function record(name: string, result: Tally): void {
  tally.passed += result.passed;
  tally.failed += result.failed;
  if (result.failed > 0) failures.push(result.failed === 1 ? name : `${name} (${result.failed})`);
}
