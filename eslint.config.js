// Lint gate (npm run lint, run by .ci/run): type-aware typescript-eslint rules,
// Prettier for layout (eslint-config-prettier turns off what it decides).
import js from '@eslint/js'
import prettier from 'eslint-config-prettier'
import globals from 'globals'
import tseslint from 'typescript-eslint'

export default tseslint.config(
  { ignores: ['dist/', 'coverage/', '.build/', '.bench/', '.scratch/', 'node_modules/', 'src/facts/aws-facts.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      globals: { ...globals.node },
      parserOptions: { projectService: { allowDefaultProject: ['*.js'] }, tsconfigRootDir: import.meta.dirname }
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      // Handlers implement async interfaces whether or not they await.
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }
      ],
      'max-len': ['error', { code: 140, ignoreUrls: false, ignoreStrings: false, ignoreTemplateLiterals: false }]
    }
  },
  {
    // Tests and scripts read JSON and SDK answers loosely on purpose; jest mocks are unbound methods.
    files: ['__tests__/**', 'scripts/**', 'bench/**'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/unbound-method': 'off'
    }
  },
  { files: ['**/*.js'], ...tseslint.configs.disableTypeChecked },
  prettier,
  // eslint-config-prettier turns max-len off; the 140-character limit stays.
  { rules: { 'max-len': ['error', { code: 140 }] } }
)
