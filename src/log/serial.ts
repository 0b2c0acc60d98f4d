/**
 * Runs async tasks of one partition one at a time, in arrival order: write
 * cycles, rolls, retention deletes, compaction swaps and truncations. Node
 * has one thread, so this is the only lock the log needs (reads take none:
 * they pin segments with a reference count instead).
 */
export class Serial {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.tail.then(task, task);
    this.tail = result.catch(() => undefined);
    return result;
  }
}
