// Only the static ReDoS check: Biome does the rest of the linting. Every regex in src/ must match in
// linear time, whatever a partner sends (issue: no super-linear backtracking or moves on input).
import tsParser from '@typescript-eslint/parser';
import regexp from 'eslint-plugin-regexp';

export default [
  {
    files: ['src/**/*.ts'],
    languageOptions: { parser: tsParser },
    plugins: { regexp },
    rules: {
      'regexp/no-super-linear-backtracking': 'error',
      'regexp/no-super-linear-move': 'error',
    },
  },
];
