import nx from '@nx/eslint-plugin';

const typeConstraints = [
  // Domain code is pure TypeScript and imports no framework.
  {
    sourceTag: 'type:domain',
    onlyDependOnLibsWithTags: ['type:domain'],
    bannedExternalImports: [
      '@nestjs/*',
      '@angular/*',
      'typeorm',
      'pg',
      'rxjs',
      'ng-zorro-antd*',
      'express',
      'class-validator',
      'class-transformer',
    ],
  },
  { sourceTag: 'type:util', onlyDependOnLibsWithTags: ['type:util', 'type:domain'] },
  { sourceTag: 'type:ui', onlyDependOnLibsWithTags: ['type:ui', 'type:util', 'type:domain'] },
  { sourceTag: 'type:data-access', onlyDependOnLibsWithTags: ['type:data-access', 'type:util', 'type:domain'] },
  {
    sourceTag: 'type:feature',
    onlyDependOnLibsWithTags: ['type:feature', 'type:data-access', 'type:ui', 'type:util', 'type:domain'],
  },
  {
    sourceTag: 'type:testing',
    onlyDependOnLibsWithTags: ['type:feature', 'type:data-access', 'type:util', 'type:domain'],
  },
  { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['*'] },
  { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: ['type:domain'] },
];

/** Module boundaries; `tests` lets test files use the test helpers of @crm/api/testing. */
function boundaries({ tests }) {
  return [
    'error',
    {
      enforceBuildableLibDependency: true,
      allow: ['^.*/eslint(\\.base)?\\.config\\.[cm]?[jt]s$'],
      // A library's customer-tab entry point only declares its tab (the tab's component is loaded lazily).
      checkDynamicDependenciesExceptions: ['@crm/web/**/customer-tab'],
      depConstraints: [
        // Scopes: the web app never imports API code and vice versa; both may use shared code.
        { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
        { sourceTag: 'scope:api', onlyDependOnLibsWithTags: ['scope:api', 'scope:shared'] },
        { sourceTag: 'scope:web', onlyDependOnLibsWithTags: ['scope:web', 'scope:shared'] },
        ...typeConstraints.map((c) =>
          tests && c.sourceTag !== 'type:domain'
            ? { ...c, onlyDependOnLibsWithTags: [...c.onlyDependOnLibsWithTags, 'type:testing'] }
            : c,
        ),
      ],
    },
  ];
}

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  ...nx.configs['flat/javascript'],
  {
    ignores: ['**/dist', '**/out-tsc', 'test-output/**', '.data/**', 'bench/results/**', 'tmp/**'],
  },
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.js', '**/*.jsx'],
    rules: { '@nx/enforce-module-boundaries': boundaries({ tests: false }) },
  },
  {
    files: ['**/*.spec.ts', '**/*.int-spec.ts'],
    rules: { '@nx/enforce-module-boundaries': boundaries({ tests: true }) },
  },
  {
    // API input: a null must not slip past the DTOs to a NOT NULL column, nor 1e-10 crash IsNumber.
    files: ['libs/api/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'class-validator',
              importNames: ['IsOptional'],
              message: 'Use IsOmittable from @crm/api/http: IsOptional lets null through.',
            },
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.name='IsNumber'] Property[key.name='maxDecimalPlaces']",
          message: 'Use IsNumberWithPlaces from @crm/api/http: IsNumber({maxDecimalPlaces}) throws on 1e-10.',
        },
      ],
    },
  },
];
