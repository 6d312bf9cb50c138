import type { InspectedRequest, InspectorSink } from '../edge/index.js';

/** Issue 12: the last `capacity` requests for the inspector (bounded memory), and who is watching live. */
export class InspectorRing implements InspectorSink {
  private readonly records: InspectedRequest[] = [];
  private readonly watchers = new Set<(record: InspectedRequest) => void>();

  constructor(private readonly capacity = 200) {}

  add(record: InspectedRequest): void {
    this.records.push(record);
    if (this.records.length > this.capacity) this.records.shift();
    for (const watcher of this.watchers) watcher(record);
  }

  list(): readonly InspectedRequest[] {
    return this.records;
  }

  /** Calls `watcher` with every new record until the returned function is called. */
  watch(watcher: (record: InspectedRequest) => void): () => void {
    this.watchers.add(watcher);
    return () => this.watchers.delete(watcher);
  }
}
