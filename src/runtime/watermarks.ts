/**
 * Event time at one task: the minimum over its input channels of each
 * channel's watermark (DESIGN: "the minimum over its partitions of the largest
 * field value each has delivered"). A channel marked idle stops holding the
 * minimum back until it delivers again; when every channel is idle, event
 * time is the largest of their marks; an ended channel sits at +Infinity.
 * Event time never moves backwards.
 */
export class WatermarkTracker {
  private readonly marks: Float64Array;
  private readonly idle: Uint8Array;
  private current = -Infinity;

  constructor(channels: number) {
    this.marks = new Float64Array(channels).fill(-Infinity);
    this.idle = new Uint8Array(channels);
  }

  get time(): number {
    return this.current;
  }

  /** True when every channel is idle (the task forwards idleness downstream). */
  get allIdle(): boolean {
    for (let i = 0; i < this.idle.length; i++) if (this.idle[i] === 0) return false;
    return this.idle.length > 0;
  }

  /** A channel delivered tuples: it is no longer idle. */
  active(channel: number): void {
    this.idle[channel] = 0;
  }

  /** Records a watermark; returns the new task event time if it advanced, else undefined. */
  update(channel: number, time: number, idle: boolean): number | undefined {
    if (idle) {
      this.idle[channel] = 1;
    } else {
      this.idle[channel] = 0;
      if (time > this.marks[channel]!) this.marks[channel] = time;
    }
    let min = Infinity;
    let any = false;
    for (let i = 0; i < this.marks.length; i++) {
      if (this.idle[i] === 1) continue;
      any = true;
      const m = this.marks[i]!;
      if (m < min) min = m;
    }
    if (!any) {
      // every channel idle: nothing holds event time back below what has been delivered, so it
      // moves to the largest mark. Otherwise which channel went idle last would decide whether a
      // window closes, and a replay (which reads everything at once) could close fewer windows.
      let max = -Infinity;
      for (let i = 0; i < this.marks.length; i++) if (this.marks[i]! > max) max = this.marks[i]!;
      if (max > this.current) {
        this.current = max;
        return max;
      }
      return undefined;
    }
    if (min > this.current) {
      this.current = min;
      return min;
    }
    return undefined;
  }
}
