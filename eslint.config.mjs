import nx from '@nx/eslint-plugin';

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  ...nx.configs['flat/javascript'],
  {
    ignores: ['**/dist', '**/out-tsc', '**/.data', '**/tmp', '**/.angular'],
  },
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.js', '**/*.jsx'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: true,
          allow: ['^.*/eslint(\\.base)?\\.config\\.[cm]?[jt]s$'],
          depConstraints: [
            // Applications never import each other; each may use shared libraries only,
            // plus libraries of its own scope.
            { sourceTag: 'type:app', notDependOnLibsWithTags: ['type:app'] },
            // Server infrastructure (Nest, TypeORM) is for the two APIs only.
            { sourceTag: 'scope:server', onlyDependOnLibsWithTags: ['scope:shared', 'scope:server'] },
            {
              sourceTag: 'scope:web',
              onlyDependOnLibsWithTags: ['scope:shared', 'scope:web'],
            },
            {
              sourceTag: 'scope:support',
              onlyDependOnLibsWithTags: ['scope:shared', 'scope:server', 'scope:support'],
            },
            {
              sourceTag: 'scope:intelligence',
              onlyDependOnLibsWithTags: ['scope:shared', 'scope:server', 'scope:intelligence'],
            },
            // Shared libraries stand on their own: they never reach into an app scope.
            { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
            // Contracts are the bottom layer: they import nothing of ours.
            { sourceTag: 'type:contracts', onlyDependOnLibsWithTags: [] },
          ],
        },
      ],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-console': 'error',
    },
  },
  {
    files: ['**/scripts/**/*.{ts,mjs,js}', '**/*.spec.ts', '**/*.integration-spec.ts', '**/bench/**'],
    rules: { 'no-console': 'off' },
  },
];
