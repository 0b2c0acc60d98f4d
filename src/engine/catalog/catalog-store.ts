/**
 * The catalog, kept in the coordinator so it outlives the process (and, on
 * a real ZooKeeper ensemble, is shared by every worker):
 *
 *   /gale/schemas/<name>     {"seq": 3, "sql": "CREATE SCHEMA ...;", "created": 1700000000000}
 *   /gale/streams/<name>     ... "CREATE STREAM ...;"
 *   /gale/windows/<name>     ... "CREATE WINDOW ...;"
 *   /gale/tables/<name>      ... "CREATE MEMORY TABLE ...;"
 *   /gale/variables/<name>   ... "DECLARE ...;"
 *   /gale/queries/<id>       ... "SELECT ... INTO ...;" plus "state" and "properties"
 *   /gale/seq                a sequential child per entry gives every entry its order
 *
 * Each entry is the canonical SQL of its statement; loading re-analyzes
 * them in `seq` order, so the catalog after a restart is exactly the one
 * the statements built. Names are URI-encoded into znode names.
 */
import type { Coordinator } from '../../coord/coordinator.js';
import { isGaleError } from '../../errors.js';

export const CATALOG_KINDS = ['schemas', 'streams', 'windows', 'tables', 'variables', 'queries'] as const;
export type CatalogKind = (typeof CATALOG_KINDS)[number];

export interface CatalogEntry {
  readonly kind: CatalogKind;
  readonly name: string;
  readonly seq: number;
  readonly sql: string;
  readonly created: number;
  /** queries: 'RUNNING' while it should run (restarted after a restart) */
  readonly state?: string;
  /** queries: the session properties it was started with */
  readonly properties?: Readonly<Record<string, string>>;
  /** queries: where its relative FILE paths start (the directory of the script it came from) */
  readonly baseDir?: string;
}

const ROOT = '/gale';
const enc = new TextEncoder();
const dec = new TextDecoder();

function isNoNode(err: unknown): boolean {
  return isGaleError(err) && err.code === 'GALE_ERR_COORD_NO_NODE';
}

function isNodeExists(err: unknown): boolean {
  return isGaleError(err) && err.code === 'GALE_ERR_COORD_NODE_EXISTS';
}

export class CatalogStore {
  constructor(private readonly coord: Coordinator) {}

  /** Creates /gale and its folders if missing. */
  async init(): Promise<void> {
    for (const p of [ROOT, `${ROOT}/seq`, ...CATALOG_KINDS.map((k) => `${ROOT}/${k}`)]) {
      try {
        await this.coord.create(p, new Uint8Array(), 'persistent');
      } catch (err) {
        if (!isNodeExists(err)) throw err;
      }
    }
  }

  /** paths of nodes the last load could not read (not JSON entries: written by hand?) */
  skipped: string[] = [];

  /** Every entry, in the order the statements were made. */
  async load(): Promise<CatalogEntry[]> {
    const out: CatalogEntry[] = [];
    this.skipped = [];
    for (const kind of CATALOG_KINDS) {
      for (const child of await this.coord.children(`${ROOT}/${kind}`)) {
        const path = `${ROOT}/${kind}/${child}`;
        const node = await this.coord.get(path);
        if (node === undefined) continue;
        try {
          const v = JSON.parse(dec.decode(node.data)) as Omit<CatalogEntry, 'kind' | 'name'>;
          if (typeof v.sql !== 'string' || typeof v.seq !== 'number') throw new Error('not a catalog entry');
          out.push({ ...v, kind, name: decodeURIComponent(child) });
        } catch {
          this.skipped.push(path);
        }
      }
    }
    return out.sort((a, b) => a.seq - b.seq);
  }

  /** A number larger than every earlier one (a sequential znode's counter). */
  async nextSeq(): Promise<number> {
    const path = await this.coord.create(`${ROOT}/seq/n-`, new Uint8Array(), 'sequential');
    await this.coord.delete(path).catch(() => undefined);
    return Number(path.slice(path.lastIndexOf('-') + 1));
  }

  async get(kind: CatalogKind, name: string): Promise<CatalogEntry | undefined> {
    const node = await this.coord.get(this.path(kind, name));
    if (node === undefined) return undefined;
    return { ...(JSON.parse(dec.decode(node.data)) as Omit<CatalogEntry, 'kind' | 'name'>), kind, name };
  }

  /** Adds an entry; false if one of that kind and name exists. */
  async add(entry: Omit<CatalogEntry, 'seq' | 'created'> & { seq?: number }): Promise<CatalogEntry> {
    const full: CatalogEntry = { ...entry, seq: entry.seq ?? (await this.nextSeq()), created: Date.now() };
    const { kind: _k, name: _n, ...data } = full;
    await this.coord.create(this.path(full.kind, full.name), enc.encode(JSON.stringify(data)), 'persistent');
    return full;
  }

  async update(kind: CatalogKind, name: string, patch: Partial<Pick<CatalogEntry, 'state' | 'sql' | 'properties'>>): Promise<void> {
    const cur = await this.get(kind, name);
    if (cur === undefined) return;
    const { kind: _k, name: _n, ...data } = { ...cur, ...patch };
    await this.coord.set(this.path(kind, name), enc.encode(JSON.stringify(data)));
  }

  async remove(kind: CatalogKind, name: string): Promise<void> {
    try {
      await this.coord.delete(this.path(kind, name));
    } catch (err) {
      if (!isNoNode(err)) throw err;
    }
  }

  private path(kind: CatalogKind, name: string): string {
    return `${ROOT}/${kind}/${encodeURIComponent(name)}`;
  }
}
