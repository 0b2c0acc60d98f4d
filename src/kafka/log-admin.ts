/**
 * Topic administration beyond the `Log` seam's core (delete topics, add
 * partitions, delete records, replace configs). EmbeddedLog offers these;
 * a log without one of them makes that admin call fail with a clear
 * per-resource error instead of taking the request down.
 */
import type { Log, TopicPartition } from '../log/log.js';
import { ErrorCode } from './error-codes.js';

export interface LogAdmin {
  deleteTopic(name: string): Promise<void>;
  createPartitions(name: string, count: number): Promise<void>;
  /** advances the log start offset; resolves to the new one */
  deleteRecords(tp: TopicPartition, beforeOffset: bigint): Promise<bigint>;
  /** replaces the topic's explicit configs */
  alterTopicConfigs(name: string, configs: Readonly<Record<string, string>>): Promise<void>;
}

export class MissingAdminOperation extends Error {
  readonly kafkaCode = ErrorCode.INVALID_REQUEST;
}

export function logAdmin(log: Log): LogAdmin {
  const l = log as Log & Partial<LogAdmin>;
  const need = <K extends keyof LogAdmin>(k: K): NonNullable<LogAdmin[K]> => {
    const fn = l[k];
    if (typeof fn !== 'function') {
      return (() => Promise.reject(new MissingAdminOperation(`this log does not support ${k}`))) as unknown as NonNullable<LogAdmin[K]>;
    }
    return (fn as (...a: unknown[]) => unknown).bind(log) as NonNullable<LogAdmin[K]>;
  };
  return {
    deleteTopic: need('deleteTopic'),
    createPartitions: need('createPartitions'),
    deleteRecords: need('deleteRecords'),
    alterTopicConfigs: need('alterTopicConfigs'),
  };
}
