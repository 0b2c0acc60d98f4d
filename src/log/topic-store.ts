/**
 * Topic metadata: `<data-dir>/log/topics.json`, the one source of truth for
 * which topics exist, their partition counts, explicit configs and ids.
 *
 *   { "version": 1, "topics": { "<name>": { "id": "<uuid>", "partitions": 3,
 *     "configs": { "cleanup.policy": "compact" }, "internal": false } } }
 *
 * Rewritten whole on every change: temp file, fsync, rename, fsync of the
 * directory, so a crash leaves the old or the new version, never a mix.
 * Partition directories not listed here (a crash in the middle of a topic
 * deletion) are removed on open.
 */
import { open, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { LogError } from './errors.js';

export interface TopicRecord {
  readonly id: string;
  readonly partitions: number;
  readonly configs: Readonly<Record<string, string>>;
  readonly internal: boolean;
}

const FILE = 'topics.json';

export async function loadTopics(logDir: string): Promise<Map<string, TopicRecord>> {
  let text: string;
  try {
    text = await readFile(join(logDir, FILE), 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return new Map();
    throw e;
  }
  const parsed = JSON.parse(text) as { version: number; topics: Record<string, TopicRecord> };
  if (parsed.version !== 1) throw new LogError('GALE_ERR_LOG_STORAGE', `${join(logDir, FILE)}: unknown version ${parsed.version}`);
  return new Map(Object.entries(parsed.topics));
}

export async function saveTopics(logDir: string, topics: ReadonlyMap<string, TopicRecord>): Promise<void> {
  const path = join(logDir, FILE);
  const tmp = `${path}.tmp`;
  await writeFile(tmp, `${JSON.stringify({ version: 1, topics: Object.fromEntries(topics) }, null, 2)}\n`, { flush: true });
  await rename(tmp, path);
  const dir = await open(logDir, 'r');
  try {
    await dir.sync();
  } finally {
    await dir.close();
  }
}

const LEGAL = /^[a-zA-Z0-9._-]+$/;

/** Kafka's topic name rules: 1-249 characters of [a-zA-Z0-9._-], not "." or "..". */
export function validateTopicName(name: string): void {
  if (typeof name !== 'string' || name.length === 0 || name.length > 249 || name === '.' || name === '..' || !LEGAL.test(name)) {
    throw new LogError(
      'GALE_ERR_LOG_INVALID_TOPIC',
      `invalid topic name '${String(name)}': use 1-249 characters of a-z A-Z 0-9 . _ - (not "." or "..")`,
    );
  }
}
