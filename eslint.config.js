// Lint rules that carry the house rules a type checker cannot see.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const wallClock = [
  { object: 'Math', property: 'random', message: 'src/sim is deterministic: draw from the seeded Prng passed in.' },
  { object: 'Date', property: 'now', message: 'src/sim owns its clock: use the simulated clock.' },
  { object: 'performance', property: 'now', message: 'src/sim owns its clock: use the simulated clock.' },
  { object: 'process', property: 'hrtime', message: 'src/sim owns its clock: use the simulated clock.' },
];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'bin/**', 'scripts/**', 'eslint.config.js'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-constant-condition': ['error', { checkLoops: false }],
    },
  },
  {
    files: ['src/sim/**/*.ts'],
    rules: {
      'no-restricted-properties': ['error', ...wallClock],
      'no-restricted-globals': [
        'error',
        { name: 'setTimeout', message: 'src/sim has no timers: schedule on the simulated clock.' },
        { name: 'setInterval', message: 'src/sim has no timers: schedule on the simulated clock.' },
        { name: 'console', message: 'src/sim is pure: emit trace events instead of printing.' },
      ],
      'no-restricted-syntax': ['error', { selector: "NewExpression[callee.name='Date']", message: 'src/sim owns its clock.' }],
      'no-restricted-imports': ['error', { patterns: ['ink', 'react', 'chalk', 'yargs', 'node:fs', 'fs', '*/tui/*', '*/cli/*'] }],
    },
  },
  {
    // The simulator's tests may read files (the determinism guard reads the sources); the simulator may not.
    files: ['src/sim/**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['ink', 'react', 'chalk', 'yargs', '*/tui/*', '*/cli/*'] }],
    },
  },
);
