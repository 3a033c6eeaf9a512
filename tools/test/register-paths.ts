import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { register } from 'tsconfig-paths';

/**
 * globalSetup runs outside Jest's module resolver: this resolves the @crm/* path aliases (tsconfig.base.json)
 * for the modules it loads after this one.
 */
const root = join(__dirname, '..', '..');
const { compilerOptions } = JSON.parse(readFileSync(join(root, 'tsconfig.base.json'), 'utf8'));
register({ baseUrl: root, paths: compilerOptions.paths });
