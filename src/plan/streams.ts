/**
 * Streams as the planner connects them: each stream has producers (a spout
 * reading its FILE or GENERATOR, queries writing INTO it, INSERT ... VALUES)
 * and consumers (bolts reading it on some port). Connections are made once
 * every statement is planned, so a query may read a stream that a later
 * statement writes.
 */
import type { BoltNode, LogicalNode } from './logical/node.js';

export class StreamGraph {
  private readonly producers = new Map<string, LogicalNode[]>();
  private readonly reads: { stream: string; node: BoltNode; port: number }[] = [];

  addProducer(stream: string, node: LogicalNode): void {
    const list = this.producers.get(stream) ?? [];
    list.push(node);
    this.producers.set(stream, list);
  }

  producersOf(stream: string): readonly LogicalNode[] {
    return this.producers.get(stream) ?? [];
  }

  hasProducers(stream: string): boolean {
    return (this.producers.get(stream)?.length ?? 0) > 0;
  }

  /** `node` reads `stream` on input `port`. */
  read(stream: string, node: BoltNode, port: number): void {
    this.reads.push({ stream, node, port });
  }

  readers(stream: string): BoltNode[] {
    return this.reads.filter((r) => r.stream === stream).map((r) => r.node);
  }

  /** Which output field of the stream carries event time: the one every producer agrees on. */
  eventTime(stream: string): number | undefined {
    const ps = this.producers.get(stream) ?? [];
    if (ps.length === 0) return undefined;
    const first = ps[0]!.eventTime;
    return ps.every((p) => p.eventTime === first) ? first : undefined;
  }

  /** Connects every read to every producer of its stream. */
  connect(): void {
    for (const r of this.reads) {
      for (const p of this.producersOf(r.stream)) r.node.inputs.push({ node: p, port: r.port });
    }
  }
}
