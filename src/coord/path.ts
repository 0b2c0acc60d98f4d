/**
 * ZooKeeper path rules (PathUtils.validatePath): absolute, no trailing `/`
 * except the root, no empty segment, no `.` or `..` segment, no NUL, no
 * control or surrogate characters. A sequential create may end in `/`
 * because the 10-digit suffix is appended before the final check.
 */
import { coordError } from './errors.js';

function badChar(c: number): boolean {
  return (
    c === 0 ||
    (c > 0x00 && c <= 0x1f) ||
    (c >= 0x7f && c <= 0x9f) ||
    (c >= 0xd800 && c <= 0xf8ff) ||
    (c >= 0xfff0 && c <= 0xffff)
  );
}

/** Throws BADARGUMENTS unless `path` is a valid znode path. */
export function validatePath(path: string, sequential = false): void {
  if (!isValidPath(sequential ? `${path}1` : path)) throw coordError('GALE_ERR_COORD_BAD_ARGUMENTS', path);
}

export function isValidPath(path: string): boolean {
  const n = path.length;
  if (n === 0 || path.charCodeAt(0) !== 0x2f) return false;
  if (n === 1) return true;
  if (path.charCodeAt(n - 1) === 0x2f) return false;
  let segStart = 1;
  for (let i = 1; i <= n; i++) {
    const c = i === n ? 0x2f : path.charCodeAt(i);
    if (c === 0x2f) {
      const len = i - segStart;
      if (len === 0) return false;
      if (len === 1 && path.charCodeAt(segStart) === 0x2e) return false;
      if (len === 2 && path.charCodeAt(segStart) === 0x2e && path.charCodeAt(segStart + 1) === 0x2e) return false;
      segStart = i + 1;
    } else if (badChar(c)) {
      return false;
    }
  }
  return true;
}

/** Parent of an absolute path; `/` for top-level nodes. */
export function parentOf(path: string): string {
  const i = path.lastIndexOf('/');
  return i <= 0 ? '/' : path.slice(0, i);
}

export function basename(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

export function joinPath(parent: string, child: string): string {
  return parent === '/' ? `/${child}` : `${parent}/${child}`;
}

/** The special nodes ZooKeeper owns: they cannot be deleted. */
export function isSpecialPath(path: string): boolean {
  return path === '/' || path === '/zookeeper' || path === '/zookeeper/quota' || path === '/zookeeper/config';
}
