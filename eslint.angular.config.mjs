import nx from '@nx/eslint-plugin';
import baseConfig from './eslint.config.mjs';

/** The lint config of the web app and every web library: the root config plus Angular's rules and the `crm` prefix. */
export default [
  ...nx.configs['flat/angular'],
  ...nx.configs['flat/angular-template'],
  ...baseConfig,
  {
    files: ['**/*.ts'],
    rules: {
      '@angular-eslint/directive-selector': ['error', { type: 'attribute', prefix: 'crm', style: 'camelCase' }],
      '@angular-eslint/component-selector': ['error', { type: 'element', prefix: 'crm', style: 'kebab-case' }],
    },
  },
];
