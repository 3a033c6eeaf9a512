// Lets `node -r ./tools/test/run-ts.cjs apps/api/src/main.ts` run the API from its TypeScript sources, as the
// multi-instance integration test starts its instances (the build is not part of the integration run). Each file is
// transpiled without a type check (the test run's ts-jest and the lint check the types) and kept in a cache keyed by
// its content, so that the instances after the first start in a second or two instead of transpiling the API again;
// the @crm/* path aliases of tsconfig.base.json resolve to the sources.
const { createHash } = require('node:crypto');
const { mkdirSync, readFileSync, renameSync, writeFileSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const { register } = require('tsconfig-paths');

const root = join(__dirname, '..', '..');
const { compilerOptions } = JSON.parse(readFileSync(join(root, 'tsconfig.base.json'), 'utf8'));
register({ baseUrl: root, paths: compilerOptions.paths });

const OPTIONS = {
  module: 1, // CommonJS
  target: 8, // ES2021
  esModuleInterop: true,
  experimentalDecorators: true,
  emitDecoratorMetadata: true,
};
const cacheDir = join(tmpdir(), 'crm-run-ts-cache');
mkdirSync(cacheDir, { recursive: true });
let ts;

require.extensions['.ts'] = (module, fileName) => {
  const source = readFileSync(fileName, 'utf8');
  const key = createHash('sha1').update(JSON.stringify(OPTIONS)).update(fileName).update(source).digest('hex');
  const cached = join(cacheDir, `${key}.js`);
  let code;
  try {
    code = readFileSync(cached, 'utf8');
  } catch {
    ts ??= require('typescript');
    code = ts.transpileModule(source, { compilerOptions: OPTIONS, fileName }).outputText;
    // Written aside and renamed: instances starting together never read a half-written file.
    const partial = `${cached}.${process.pid}`;
    writeFileSync(partial, code);
    renameSync(partial, cached);
  }
  module._compile(code, fileName);
};
