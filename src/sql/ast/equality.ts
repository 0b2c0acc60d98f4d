/** Structural equality of AST nodes ignoring source spans (`loc`). */

/** True when a and b are deep-equal after dropping every `loc` property. */
export function astEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) {
    return typeof a === 'number' && typeof b === 'number' && Number.isNaN(a) && Number.isNaN(b);
  }
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!astEqual(a[i], b[i])) return false;
    return true;
  }
  const ao = a as Record<string, unknown>;
  const bo = b as Record<string, unknown>;
  const keys = new Set([...Object.keys(ao), ...Object.keys(bo)]);
  for (const k of keys) {
    if (k === 'loc') continue;
    if (!astEqual(ao[k], bo[k])) return false;
  }
  return true;
}

/** A copy of the node without any `loc` (for readable test diffs). */
export function stripLoc<T>(node: T): unknown {
  if (Array.isArray(node)) return node.map((n) => stripLoc(n));
  if (typeof node !== 'object' || node === null) return node;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node as Record<string, unknown>)) {
    if (k === 'loc' || v === undefined) continue;
    out[k] = stripLoc(v);
  }
  return out;
}
