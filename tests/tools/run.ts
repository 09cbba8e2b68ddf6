import { spawn } from 'node:child_process';
import { projectRoot } from './paths.ts';

/** Runs a tool from node_modules/.bin with its output streamed to ours; resolves to its exit code. */
export function runTool(tool: string, args: string[]): Promise<number> {
  console.log(`\n▶ ${tool} ${args.join(' ')}`);
  const child = spawn(`${projectRoot}node_modules/.bin/${tool}`, args, { cwd: projectRoot, stdio: 'inherit' });
  return new Promise((resolve) => {
    child.on('error', (error) => {
      console.error(`Could not start ${tool}: ${error.message}`);
      resolve(1);
    });
    child.on('exit', (code) => resolve(code ?? 1));
  });
}
