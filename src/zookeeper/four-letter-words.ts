/**
 * Four-letter words on the client port: when the first 4 bytes of a
 * connection spell one of these (instead of a frame length), the server
 * writes plain text in ZooKeeper 3.8's layout and closes. All are enabled
 * (ZooKeeper's `4lw.commands.whitelist=*`).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { arch, freemem, hostname, release, tmpdir, totalmem, type as osType, userInfo } from 'node:os';
import { dirname, join } from 'node:path';
import type { CoordStore } from '../coord/store.js';
import type { SessionConnection } from './session-connection.js';
import type { ServerStats } from './stats.js';

export interface FourLetterHost {
  readonly store: CoordStore;
  readonly stats: ServerStats;
  readonly port: number;
  readonly maxClientCnxns: number;
  connections(): Iterable<SessionConnection>;
}

const startedAt = new Date();
function pad(n: number): string {
  return String(n).padStart(2, '0');
}
/** Version.getFullVersion(): `<version>-<revision>, built on <date>`; the protocol level Gale speaks is 3.8.0. */
export const fullVersion = `3.8.0-gale-0.1.0, built on ${startedAt.getUTCFullYear()}-${pad(startedAt.getUTCMonth() + 1)}-${pad(startedAt.getUTCDate())} ${pad(startedAt.getUTCHours())}:${pad(startedAt.getUTCMinutes())} UTC`;

function dirSize(dir: string): number {
  let n = 0;
  try {
    for (const f of readdirSync(dir)) {
      try {
        n += statSync(join(dir, f)).size;
      } catch {
        // removed while we looked (a snapshot purge)
      }
    }
  } catch {
    return 0;
  }
  return n;
}

function fdCounts(): { open: number; max: number } {
  try {
    const open = readdirSync('/proc/self/fd').length;
    const m = /Max open files\s+(\d+)/.exec(readFileSync('/proc/self/limits', 'utf8'));
    return { open, max: m ? Number(m[1]) : -1 };
  } catch {
    return { open: -1, max: -1 };
  }
}

/** ZooKeeper's node map also holds the root under "" (an alias), and its counts include it */
function znodeCount(h: FourLetterHost): number {
  return h.store.tree.nodeCount + 1;
}

function statsBlock(h: FourLetterHost): string {
  const s = h.stats;
  let conns = 0;
  let outstanding = 0;
  for (const c of h.connections()) {
    conns++;
    outstanding += Math.max(0, c.outstanding);
  }
  return (
    `Latency min/avg/max: ${s.latency.minOrZero}/${s.latency.avgText}/${s.latency.max}\n` +
    `Received: ${s.packetsReceived}\n` +
    `Sent: ${s.packetsSent}\n` +
    `Connections: ${conns}\n` +
    `Outstanding: ${outstanding}\n` +
    `Zxid: 0x${h.store.lastZxid.toString(16)}\n` +
    `Mode: standalone\n` +
    `Node count: ${znodeCount(h)}\n`
  );
}

function stat(h: FourLetterHost, withClients: boolean): string {
  let out = `Zookeeper version: ${fullVersion}\n`;
  if (withClients) {
    out += 'Clients:\n';
    for (const c of h.connections()) out += `${c.describe(true)}\n`;
    out += '\n';
  }
  return out + statsBlock(h);
}

function mntr(h: FourLetterHost): string {
  const store = h.store;
  let conns = 0;
  let outstanding = 0;
  for (const c of h.connections()) {
    conns++;
    outstanding += Math.max(0, c.outstanding);
  }
  const fds = fdCounts();
  const dataSize = dirSize(store.dir);
  const rows: [string, string | number][] = [
    ['version', fullVersion],
    ['server_state', 'standalone'],
    ['avg_latency', h.stats.latency.avgText],
    ['max_latency', h.stats.latency.max],
    ['min_latency', h.stats.latency.minOrZero],
    ['packets_received', h.stats.packetsReceived],
    ['packets_sent', h.stats.packetsSent],
    ['num_alive_connections', conns],
    ['outstanding_requests', outstanding],
    ['znode_count', znodeCount(h)],
    ['watch_count', store.watches.count()],
    ['ephemerals_count', store.tree.ephemeralCount()],
    ['approximate_data_size', store.tree.approximateDataSize],
    ['open_file_descriptor_count', fds.open],
    ['max_file_descriptor_count', fds.max],
    ['global_sessions', store.sessions.size],
    ['local_sessions', 0],
    ['uptime', Date.now() - h.stats.startedAt],
    ['data_dir_size', dataSize],
    ['log_dir_size', dataSize],
    ['last_processed_zxid', store.lastZxid.toString()],
    ['outstanding_changes_queued', store.outstanding],
  ];
  return rows.map(([k, v]) => `zk_${k}\t${v}\n`).join('');
}

function conf(h: FourLetterHost): string {
  const s = h.store;
  const size = dirSize(s.dir);
  return (
    `clientPort=${h.port}\n` +
    `secureClientPort=-1\n` +
    `dataDir=${s.dir}\n` +
    `dataDirSize=${size}\n` +
    `dataLogDir=${s.dir}\n` +
    `dataLogSize=${size}\n` +
    `tickTime=${s.tickTimeMs}\n` +
    `maxClientCnxns=${h.maxClientCnxns}\n` +
    `minSessionTimeout=${s.minSessionTimeoutMs}\n` +
    `maxSessionTimeout=${s.maxSessionTimeoutMs}\n` +
    `clientPortListenBacklog=-1\n` +
    `serverId=0\n`
  );
}

function envi(): string {
  const mb = 1024 * 1024;
  const mem = process.memoryUsage();
  let user = '<NA>';
  let home = '<NA>';
  try {
    const u = userInfo();
    user = u.username;
    home = u.homedir;
  } catch {
    // no passwd entry in some containers
  }
  const rows: [string, string][] = [
    ['zookeeper.version', fullVersion],
    ['host.name', hostname()],
    ['java.version', process.version],
    ['java.vendor', 'Node.js'],
    ['java.home', dirname(process.execPath)],
    ['java.class.path', '<NA>'],
    ['java.library.path', '<NA>'],
    ['java.io.tmpdir', tmpdir()],
    ['java.compiler', '<NA>'],
    ['os.name', osType()],
    ['os.arch', arch() === 'x64' ? 'amd64' : arch()],
    ['os.version', release()],
    ['user.name', user],
    ['user.home', home],
    ['user.dir', process.cwd()],
    ['os.memory.free', `${Math.floor(freemem() / mb)}MB`],
    ['os.memory.max', `${Math.floor(totalmem() / mb)}MB`],
    ['os.memory.total', `${Math.floor(mem.rss / mb)}MB`],
  ];
  return `Environment:\n${rows.map(([k, v]) => `${k}=${v}\n`).join('')}`;
}

function cons(h: FourLetterHost): string {
  let out = '';
  for (const c of h.connections()) out += `${c.describe(false)}\n`;
  return `${out}\n`;
}

function wchs(h: FourLetterHost): string {
  const s = h.store.watches.summary();
  return `${s.watchers} connections watching ${s.paths} paths\nTotal watches:${s.total}\n`;
}

/** A watcher's session as `0x<hex>`; in-process watchers (the embedded coordinator) have none and are left out. */
function sessionOf(w: object): string | undefined {
  const id = (w as { sessionId?: unknown }).sessionId;
  return typeof id === 'bigint' ? `0x${id.toString(16)}` : undefined;
}

/** `wchc`: per session, the paths it watches (data table); `wchp`: per path, the sessions. */
function wchc(h: FourLetterHost): string {
  let out = '';
  for (const [w, paths] of h.store.watches.dataTable().byWatcher) {
    const sid = sessionOf(w);
    if (sid === undefined) continue;
    out += `${sid}\n`;
    for (const p of paths) out += `\t${p}\n`;
  }
  return `${out}\n`;
}

function wchp(h: FourLetterHost): string {
  let out = '';
  for (const [path, watchers] of h.store.watches.dataTable().byPath) {
    const sids = [...watchers.keys()].map(sessionOf).filter((s) => s !== undefined);
    if (sids.length === 0) continue;
    out += `${path}\n`;
    for (const sid of sids) out += `\t${sid}\n`;
  }
  return `${out}\n`;
}

function dirs(h: FourLetterHost): string {
  const size = dirSize(h.store.dir);
  return `datadir_size: ${size}\nlogdir_size: ${size}\n`;
}

export const fourLetterWords: Readonly<Record<string, (h: FourLetterHost) => string>> = {
  ruok: () => 'imok',
  stat: (h) => stat(h, true),
  srvr: (h) => stat(h, false),
  mntr,
  conf,
  cons,
  wchs,
  wchc,
  wchp,
  envi,
  isro: () => 'rw',
  dirs,
  srst: (h) => {
    h.stats.latency.reset();
    h.stats.packetsReceived = 0;
    h.stats.packetsSent = 0;
    return 'Server stats reset.\n';
  },
  crst: (h) => {
    for (const c of h.connections()) {
      c.latency.reset();
      c.packetsReceived = 0;
      c.packetsSent = 0;
    }
    return 'Connection stats reset.\n';
  },
};

/** The command for the first 4 bytes of a connection, if they spell one. */
export function fourLetterWord(first4: Buffer): ((h: FourLetterHost) => string) | undefined {
  return Object.hasOwn(fourLetterWords, first4.toString('latin1')) ? fourLetterWords[first4.toString('latin1')] : undefined;
}
