const { basename, dirname, join, relative } = require('node:path');

const workspaceRoot = join(__dirname, '..', '..');

/** What every project's Jest config has: its name (`web-ui` for libs/web/ui, `api` for apps/api), preset and coverage folder. */
function common(projectRoot) {
  const path = relative(workspaceRoot, projectRoot);
  const scope = basename(dirname(projectRoot));
  return {
    displayName: scope === 'apps' ? basename(projectRoot) : `${scope}-${basename(projectRoot)}`,
    preset: relative(projectRoot, join(__dirname, 'jest.preset.js')),
    coverageDirectory: join(relative(projectRoot, workspaceRoot), 'coverage', path),
  };
}

/** The Jest config of a Node project (the API, its libraries, shared code) at `projectRoot`. */
function nodeProjectConfig(projectRoot) {
  return {
    ...common(projectRoot),
    testEnvironment: 'node',
    transform: {
      '^.+\\.[tj]s$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }],
    },
    moduleFileExtensions: ['ts', 'js', 'html'],
  };
}

/** The Jest config of an Angular project (the web app, its libraries) at `projectRoot`. */
function angularProjectConfig(projectRoot) {
  return {
    ...common(projectRoot),
    setupFilesAfterEnv: ['<rootDir>/src/test-setup.ts'],
    transform: {
      '^.+\\.(ts|mjs|js|html)$': [
        'jest-preset-angular',
        { tsconfig: '<rootDir>/tsconfig.spec.json', stringifyContentPathRegex: '\\.(html|svg)$' },
      ],
    },
    transformIgnorePatterns: ['node_modules/(?!.*\\.mjs$)'],
    snapshotSerializers: [
      'jest-preset-angular/build/serializers/no-ng-attributes',
      'jest-preset-angular/build/serializers/ng-snapshot',
      'jest-preset-angular/build/serializers/html-comment',
    ],
  };
}

module.exports = { nodeProjectConfig, angularProjectConfig };
