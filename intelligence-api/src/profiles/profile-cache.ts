import { Inject, Injectable } from '@nestjs/common';

import { LruCache } from '../common/lru-cache';
import { INTELLIGENCE_CONFIG, IntelligenceConfig } from '../config/app-config';

/**
 * Profile rows (and recent orders) analyze has read, per customer, in process memory. Entries
 * go when a refit finishes, when the customer's orders or support context change here, and
 * after the configured time to live (which bounds staleness across several API processes).
 */
@Injectable()
export class ProfileCache<V extends object = object> {
  private readonly lru: LruCache<string, V>;
  private generation = 0;

  constructor(@Inject(INTELLIGENCE_CONFIG) config: IntelligenceConfig) {
    this.lru = new LruCache(config.profileCache.size, config.profileCache.ttlMs);
  }

  get(customerId: string): V | undefined {
    return this.lru.get(customerId);
  }

  /** Take before reading from the database; `set` ignores values read before an invalidation. */
  snapshot(): number {
    return this.generation;
  }

  set(customerId: string, value: V, generation: number): void {
    if (generation === this.generation) this.lru.set(customerId, value);
  }

  invalidate(customerIds: Iterable<string>): void {
    this.generation++;
    for (const id of customerIds) this.lru.delete(id);
  }

  clear(): void {
    this.generation++;
    this.lru.clear();
  }

  get size(): number {
    return this.lru.size;
  }
}
