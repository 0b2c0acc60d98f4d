/**
 * FIFO order within one session (ZooKeeper's guarantee 1 and 3): a read runs
 * at once when the session has no write in flight, otherwise exactly when
 * the session's last earlier write has been applied, inside the apply loop,
 * before any later txn is applied. So a read sees its session's own writes
 * and nothing applied after the session's next write, and answers leave in
 * request order because writes are applied in request order.
 */
interface WriteItem {
  readonly write: true;
  done: boolean;
}
interface ReadItem {
  readonly write: false;
  readonly run: () => void;
}

export class SessionOrder {
  private readonly queue: (WriteItem | ReadItem)[] = [];

  /** writes (or syncs) of this session not yet applied */
  get inFlight(): number {
    let n = 0;
    for (const i of this.queue) if (i.write && !i.done) n++;
    return n;
  }

  read(run: () => void): void {
    if (this.queue.length === 0) run();
    else this.queue.push({ write: false, run });
  }

  /** Registers a write; call the returned function (synchronously) once it is applied and answered. */
  write(): () => void {
    const item: WriteItem = { write: true, done: false };
    this.queue.push(item);
    return () => {
      item.done = true;
      this.drain();
    };
  }

  private drain(): void {
    while (this.queue.length > 0) {
      const head = this.queue[0]!;
      if (head.write) {
        if (!head.done) return;
        this.queue.shift();
      } else {
        this.queue.shift();
        head.run();
      }
    }
  }
}
