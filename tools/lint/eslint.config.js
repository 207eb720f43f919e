// The house linter: a modest rule set that catches real mistakes (unused names, prototype
// builtins called on untrusted objects, HTML parsed from strings), not style; prettier owns style.
// Run with `npm run lint` (the root package.json passes this file with --config).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'build/**',
      'node_modules/**',
      '**/node_modules/**',
      'test-output/**',
      'tools/bench/out/**',
      'tools/samplegen/target/**',
      'samples/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: 'module',
      globals: {
        // Browser, worker and Node globals the code uses; TypeScript checks the rest.
        window: 'readonly',
        document: 'readonly',
        self: 'readonly',
        navigator: 'readonly',
        location: 'readonly',
        console: 'readonly',
        process: 'readonly',
        Buffer: 'readonly',
        URL: 'readonly',
        TextDecoder: 'readonly',
        TextEncoder: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        performance: 'readonly',
      },
    },
    rules: {
      'no-prototype-builtins': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      // Untrusted names reach the page as text only (docs/reliability.md): no HTML parsed from strings.
      'no-restricted-syntax': [
        'error',
        {
          selector: 'AssignmentExpression[left.property.name=/^(innerHTML|outerHTML)$/]',
          message: 'Use textContent or DOM nodes: file and frame names are untrusted.',
        },
        {
          selector: "CallExpression[callee.property.name='insertAdjacentHTML']",
          message: 'Use DOM nodes: file and frame names are untrusted.',
        },
      ],
      // Rules of the recommended sets this codebase does not follow by design (TypeScript checks these).
      '@typescript-eslint/no-non-null-assertion': 'off',
      'no-control-regex': 'off',
      'no-undef': 'off',
    },
  },
  {
    // Declarations for a library that ships no types.
    files: ['**/*.d.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // The hostile-input browser tests inject HTML on purpose.
    files: ['test/e2e/**'],
    rules: { 'no-restricted-syntax': 'off' },
  },
);
