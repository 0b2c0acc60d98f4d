/**
 * Request counters and latencies for the four-letter words (ZooKeeper's
 * ServerStats and the per-connection part of ServerCnxn): packets received
 * and sent, and min/avg/max request latency in ms.
 */
export class LatencyStats {
  min = Number.MAX_SAFE_INTEGER;
  max = 0;
  total = 0;
  count = 0;
  last = 0;

  add(ms: number): void {
    const v = Math.max(0, Math.round(ms));
    this.last = v;
    this.total += v;
    this.count++;
    if (v < this.min) this.min = v;
    if (v > this.max) this.max = v;
  }

  get minOrZero(): number {
    return this.count === 0 ? 0 : this.min;
  }

  /** ZooKeeper prints the average as a Java double (e.g. 0.0, 1.25) */
  get avgText(): string {
    const avg = this.count === 0 ? 0 : this.total / this.count;
    const t = String(Math.round(avg * 10000) / 10000);
    return t.includes('.') ? t : `${t}.0`;
  }

  /** per-connection `cons` prints the average as a Java long (ServerCnxn.getAvgLatency: integer division) */
  get avgWhole(): number {
    return this.count === 0 ? 0 : Math.floor(this.total / this.count);
  }

  reset(): void {
    this.min = Number.MAX_SAFE_INTEGER;
    this.max = 0;
    this.total = 0;
    this.count = 0;
    this.last = 0;
  }
}

export class ServerStats {
  packetsReceived = 0;
  packetsSent = 0;
  readonly latency = new LatencyStats();
  readonly startedAt = Date.now();
}
