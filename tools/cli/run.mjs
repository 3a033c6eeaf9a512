// Runs a TypeScript command of tools/ (import, generate, bench, openapi) with the libraries' path aliases:
//   node tools/cli/run.mjs <command> [arguments…]
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const [command, ...args] = process.argv.slice(2);
const scripts = {
  import: 'tools/cli/import.ts',
  generate: 'tools/cli/generate.ts',
  bench: 'tools/bench/bench.ts',
  openapi: 'tools/cli/openapi.ts',
  cluster: 'tools/cluster/cluster.ts',
};
if (!scripts[command]) {
  console.error(`Usage: node tools/cli/run.mjs <${Object.keys(scripts).join('|')}> [arguments…]`);
  process.exit(2);
}
const child = spawn(
  process.execPath,
  ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', join(root, scripts[command]), ...args],
  {
    stdio: 'inherit',
    cwd: root,
    env: { ...process.env, TS_NODE_PROJECT: join(root, 'tools/cli/tsconfig.json') },
  },
);
// The command decides what a signal means (the cluster stops its processes in order): pass them on.
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 1));
