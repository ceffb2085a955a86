import type { Redis } from 'ioredis';

/** Fixed-window counters for rate limits and login throttling, in Redis or in memory. */
export interface CounterStore {
  /** Increments `key` in a window of `windowMs`; returns the new count and the ms left. */
  hit(key: string, windowMs: number): Promise<{ count: number; resetMs: number }>;
  peek(key: string): Promise<{ count: number; resetMs: number }>;
  reset(key: string): Promise<void>;
}

export class MemoryCounterStore implements CounterStore {
  private readonly counters = new Map<string, { count: number; resetAt: number }>();

  async hit(key: string, windowMs: number) {
    const now = Date.now();
    let c = this.counters.get(key);
    if (!c || c.resetAt <= now) {
      c = { count: 0, resetAt: now + windowMs };
      this.counters.set(key, c);
      if (this.counters.size > 50_000) this.sweep(now);
    }
    c.count += 1;
    return { count: c.count, resetMs: c.resetAt - now };
  }

  async peek(key: string) {
    const now = Date.now();
    const c = this.counters.get(key);
    return !c || c.resetAt <= now ? { count: 0, resetMs: 0 } : { count: c.count, resetMs: c.resetAt - now };
  }

  async reset(key: string) {
    this.counters.delete(key);
  }

  private sweep(now: number) {
    for (const [k, v] of this.counters) if (v.resetAt <= now) this.counters.delete(k);
  }
}

export class RedisCounterStore implements CounterStore {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly fallback = new MemoryCounterStore(),
  ) {}

  async hit(key: string, windowMs: number) {
    const k = `${this.prefix}:${key}`;
    try {
      const res = await this.redis.multi().incr(k).pexpire(k, windowMs, 'NX').pttl(k).exec();
      const count = Number(res?.[0]?.[1] ?? 1);
      const ttl = Number(res?.[2]?.[1] ?? windowMs);
      return { count, resetMs: ttl > 0 ? ttl : windowMs };
    } catch {
      // Redis down: limits keep working per process rather than failing requests.
      return this.fallback.hit(key, windowMs);
    }
  }

  async peek(key: string) {
    const k = `${this.prefix}:${key}`;
    try {
      const [count, ttl] = await Promise.all([this.redis.get(k), this.redis.pttl(k)]);
      return { count: Number(count ?? 0), resetMs: Math.max(0, Number(ttl)) };
    } catch {
      return this.fallback.peek(key);
    }
  }

  async reset(key: string) {
    try {
      await this.redis.del(`${this.prefix}:${key}`);
    } catch {
      await this.fallback.reset(key);
    }
  }
}
