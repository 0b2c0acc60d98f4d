/** NULL handling functions. */
import { commonOfAll, rule, sameAsFirst } from './signature.js';
import type { ScalarFunctionDef } from './types.js';
import type { Value } from '../types.js';

export const NULL_FUNCTIONS: readonly ScalarFunctionDef[] = [
  {
    kind: 'scalar', name: 'coalesce', category: 'null',
    signatures: ['coalesce(x, y, ...) → common type'],
    description: 'The first argument that is not NULL.', nulls: 'NULL only when every argument is NULL.',
    minArgs: 1, maxArgs: Infinity,
    returnType: rule({ params: ['any'], rest: 'any', result: commonOfAll }),
    impl: (_c, ...xs: Value[]) => {
      for (const x of xs) if (x !== null) return x;
      return null;
    },
  },
  {
    kind: 'scalar', name: 'nullif', category: 'null',
    signatures: ['nullif(a, b) → type of a'],
    description: 'NULL when a = b, else a.', nulls: 'NULL when a is NULL; a when b is NULL.', minArgs: 2, maxArgs: 2,
    returnType: rule({
      params: ['any', 'any'],
      result: (args) => {
        const r = commonOfAll(args);
        return typeof r === 'object' ? r : sameAsFirst(args);
      },
    }),
    impl: (_c, a: Value, b: Value) => (a !== null && b !== null && a === b ? null : a),
  },
  {
    kind: 'scalar', name: 'isnull', category: 'null',
    signatures: ['isnull(x) → bool'],
    description: 'TRUE when x is NULL (same as x IS NULL).', nulls: 'Never NULL.', minArgs: 1, maxArgs: 1,
    returnType: rule({ params: ['any'], result: 'bool' }),
    impl: (_c, x: Value) => x === null,
  },
];
