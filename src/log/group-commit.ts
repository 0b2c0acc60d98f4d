/**
 * Group commit: appends queue up while a write + fdatasync cycle runs; the
 * next cycle takes everything queued so far, writes it with one writev and
 * syncs it with one fdatasync, then acknowledges all of it. Under load the
 * fsync cost is shared by every append that arrived during the previous one,
 * so throughput grows with concurrency instead of collapsing to fsyncs/s.
 *
 * The first cycle starts on a microtask, so appends issued in the same tick
 * already share one cycle. `runCycle` settles its jobs itself.
 */
export class GroupCommit<J> {
  private queue: J[] = [];
  private running: Promise<void> | undefined;

  constructor(private readonly runCycle: (jobs: J[]) => Promise<void>) {}

  enqueue(job: J): void {
    this.queue.push(job);
    if (this.running === undefined) this.running = Promise.resolve().then(() => this.drainLoop());
  }

  /** Jobs queued but not yet in a cycle, removed (after a failure they are rejected). */
  takeQueued(): J[] {
    const q = this.queue;
    this.queue = [];
    return q;
  }

  get pending(): number {
    return this.queue.length;
  }

  /** Resolves once every queued job has been through a cycle. */
  async idle(): Promise<void> {
    while (this.running !== undefined) await this.running;
  }

  private async drainLoop(): Promise<void> {
    try {
      while (this.queue.length > 0) {
        const jobs = this.queue;
        this.queue = [];
        await this.runCycle(jobs);
      }
    } finally {
      this.running = undefined;
    }
  }
}
