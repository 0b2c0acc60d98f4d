/**
 * The op registry: opcode -> handler, one file per op. Dispatch and the
 * completeness test both read this table; opcodes a client may send that
 * Gale refuses are listed as `refused` handlers, never left out silently.
 */
import { OpCode } from '../opcodes.js';
import { addWatch } from './add-watch.js';
import { auth } from './auth.js';
import { check } from './check.js';
import { checkWatches } from './check-watches.js';
import { closeSession } from './close-session.js';
import { create } from './create.js';
import { create2 } from './create2.js';
import { createContainer } from './create-container.js';
import { createTTL } from './create-ttl.js';
import { del } from './delete.js';
import { exists } from './exists.js';
import { getACL } from './get-acl.js';
import { getAllChildrenNumber } from './get-all-children-number.js';
import { getChildren } from './get-children.js';
import { getChildren2 } from './get-children2.js';
import { getData } from './get-data.js';
import { getEphemerals } from './get-ephemerals.js';
import { multi } from './multi.js';
import { multiRead } from './multi-read.js';
import type { OpHandler } from './op.js';
import { ping } from './ping.js';
import { reconfig } from './reconfig.js';
import { removeWatches } from './remove-watches.js';
import { sasl } from './sasl.js';
import { setACL } from './set-acl.js';
import { setData } from './set-data.js';
import { setWatches } from './set-watches.js';
import { setWatches2 } from './set-watches2.js';
import { sync } from './sync.js';
import { whoAmI } from './who-am-i.js';

const all: readonly OpHandler[] = [
  create,
  create2,
  createContainer,
  createTTL,
  del,
  exists,
  getData,
  setData,
  getACL,
  setACL,
  getChildren,
  getChildren2,
  sync,
  ping,
  check,
  multi,
  multiRead,
  reconfig,
  checkWatches,
  removeWatches,
  auth,
  setWatches,
  setWatches2,
  sasl,
  getEphemerals,
  getAllChildrenNumber,
  addWatch,
  whoAmI,
  closeSession,
];

export const handlers: ReadonlyMap<number, OpHandler> = new Map(all.map((h) => [OpCode[h.op], h]));
