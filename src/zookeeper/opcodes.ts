/**
 * ZooKeeper op codes (ZooDefs.OpCode), the special xids, and the short
 * names ZooKeeper prints in `cons` (`lop=`). Event types and keeper states
 * for notifications are here too, as numbers on the wire.
 */
import type { WatchEventType } from '../coord/coordinator.js';

export const OpCode = {
  notification: 0,
  create: 1,
  delete: 2,
  exists: 3,
  getData: 4,
  setData: 5,
  getACL: 6,
  setACL: 7,
  getChildren: 8,
  sync: 9,
  ping: 11,
  getChildren2: 12,
  check: 13,
  multi: 14,
  create2: 15,
  reconfig: 16,
  checkWatches: 17,
  removeWatches: 18,
  createContainer: 19,
  deleteContainer: 20,
  createTTL: 21,
  multiRead: 22,
  auth: 100,
  setWatches: 101,
  sasl: 102,
  getEphemerals: 103,
  getAllChildrenNumber: 104,
  setWatches2: 105,
  addWatch: 106,
  whoAmI: 107,
  createSession: -10,
  closeSession: -11,
  error: -1,
} as const;

export type OpName = keyof typeof OpCode;

const nameByCode = new Map<number, OpName>(Object.entries(OpCode).map(([k, v]) => [v, k as OpName]));

export function opName(code: number): string {
  return nameByCode.get(code) ?? `op ${code}`;
}

/** `lop=` abbreviations (FinalRequestProcessor's lastOp) */
export const lastOpLabel: Readonly<Partial<Record<OpName, string>>> = {
  ping: 'PING',
  createSession: 'SESS',
  multi: 'MULT',
  multiRead: 'MLTR',
  create: 'CREA',
  create2: 'CREA',
  createTTL: 'CREA',
  createContainer: 'CREA',
  delete: 'DELE',
  setData: 'SETD',
  reconfig: 'RECO',
  setACL: 'SETA',
  closeSession: 'CLOS',
  sync: 'SYNC',
  check: 'CHEC',
  exists: 'EXIS',
  getData: 'GETD',
  setWatches: 'SETW',
  setWatches2: 'STW2',
  addWatch: 'ADDW',
  getACL: 'GETA',
  getChildren: 'GETC',
  getChildren2: 'GETC',
  getAllChildrenNumber: 'GETACN',
  checkWatches: 'CHKW',
  removeWatches: 'REMW',
  whoAmI: 'HOMI',
  getEphemerals: 'GETE',
  auth: 'AUTH',
};

export const Xid = {
  notification: -1,
  ping: -2,
  auth: -4,
  setWatches: -8,
} as const;

export const EventType: Readonly<Record<WatchEventType, number>> = {
  created: 1,
  deleted: 2,
  'data-changed': 3,
  'children-changed': 4,
};

export const KeeperState = { syncConnected: 3 } as const;
