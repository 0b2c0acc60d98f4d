/** Union: merges several streams into one; input i's fields are rearranged by `mappings[i]` into the output order. */
import type { Bolt, Collector } from '../bolt.js';
import type { Row } from '../message.js';

export class UnionBolt implements Bolt {
  private out!: Collector;
  private readonly identity: boolean[];

  constructor(private readonly mappings: readonly (readonly number[])[]) {
    this.identity = mappings.map((m) => m.every((f, i) => f === i));
  }

  prepare(_ctx: unknown, out: Collector): void {
    this.out = out;
  }

  execute(rows: Row[], port: number): void {
    if (this.identity[port] === true) {
      this.out.emit(rows);
      return;
    }
    const m = this.mappings[port]!;
    this.out.emit(rows.map((r) => m.map((i) => r[i]!)));
  }
}
