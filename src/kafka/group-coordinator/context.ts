/** What every part of the coordinator shares: settings, time, ids and a log line sink. */
import type { GroupCoordinatorConfig } from './config.js';
import type { Timers } from './timers.js';

export interface GroupLogger {
  info(msg: string): void;
  warn(msg: string): void;
}

export const silentGroupLogger: GroupLogger = { info: () => {}, warn: () => {} };

export interface GroupContext {
  readonly config: GroupCoordinatorConfig;
  readonly timers: Timers;
  readonly logger: GroupLogger;
  /** `<prefix>-<uuid>`, prefix = client id (dynamic) or group.instance.id (static), as Kafka does */
  newMemberId(prefix: string): string;
}
