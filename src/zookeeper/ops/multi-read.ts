/**
 * multiRead (op 22): getChildren/getData ops read one after another (not
 * atomically); each gets its own result or ErrorResponse.
 */
import { CoordError } from '../../coord/errors.js';
import * as reads from '../../coord/reads.js';
import { decodeMultiOps, encodeMultiResults, type MultiOp, type MultiResult } from '../jute/multi.js';
import { OpCode } from '../opcodes.js';
import { readOp } from './op.js';

const allowed = new Set<number>([OpCode.getChildren, OpCode.getData]);

export const multiRead = readOp<MultiOp[]>({
  op: 'multiRead',
  decode: (r) => decodeMultiOps(r, allowed),
  run: (ctx, ops) => {
    const results: MultiResult[] = ops.map((op) => {
      try {
        if (op.type === OpCode.getChildren) {
          const r = reads.getChildren(ctx.store, op.req.path, ctx.authIds, op.req.watch ? ctx.watcher : undefined);
          return { type: op.type, err: 0, body: { record: 'GetChildrenResponse', value: { children: r.children } } };
        }
        if (op.type === OpCode.getData) {
          const r = reads.getData(ctx.store, op.req.path, ctx.authIds, op.req.watch ? ctx.watcher : undefined);
          return { type: op.type, err: 0, body: { record: 'GetDataResponse', value: r } };
        }
        return { type: OpCode.error, err: -5 };
      } catch (e) {
        if (!(e instanceof CoordError)) throw e;
        return { type: OpCode.error, err: e.keeper };
      }
    });
    return { write: (w) => encodeMultiResults(results, w) };
  },
});
