/**
 * Results shared between identical requests for a short time: concurrent requests wait on one
 * load, later ones reuse its result until `ttlMs` passes or `invalidate()` is called (on any
 * ticket, message or SLA change). A load that began before an invalidation is never handed to a
 * request that arrived after it. `ttlMs <= 0` turns sharing off.
 */
export class SharedResults<T> {
  private readonly entries = new Map<string, { at: number; value: Promise<T> }>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 1000,
  ) {}

  invalidate(): void {
    this.entries.clear();
  }

  get(key: string, load: () => Promise<T>, now = Date.now()): Promise<T> {
    if (this.ttlMs <= 0) return load();
    const hit = this.entries.get(key);
    if (hit && now - hit.at < this.ttlMs) return hit.value;
    const entry = { at: now, value: load() };
    entry.value.catch(() => {
      // A failure is not shared beyond the requests already waiting on it.
      if (this.entries.get(key) === entry) this.entries.delete(key);
    });
    if (this.entries.size >= this.maxEntries) this.entries.clear();
    this.entries.set(key, entry);
    return entry.value;
  }
}
