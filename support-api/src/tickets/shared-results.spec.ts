import { SharedResults } from './shared-results';

function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('SharedResults', () => {
  it('shares one load between concurrent and later requests within the TTL', async () => {
    const shared = new SharedResults<number>(1000);
    const load = jest.fn(() => Promise.resolve(42));
    const a = shared.get('k', load, 0);
    const b = shared.get('k', load, 10);
    expect(await Promise.all([a, b])).toEqual([42, 42]);
    expect(await shared.get('k', load, 999)).toBe(42);
    expect(load).toHaveBeenCalledTimes(1);
    await shared.get('k', load, 1000);
    expect(load).toHaveBeenCalledTimes(2);
    await shared.get('other', load, 1000);
    expect(load).toHaveBeenCalledTimes(3);
  });

  it('never hands a load begun before an invalidation to a request after it', async () => {
    const shared = new SharedResults<string>(1000);
    const first = deferred<string>();
    const before = shared.get('k', () => first.promise, 0);
    shared.invalidate();
    const after = shared.get('k', () => Promise.resolve('fresh'), 1);
    first.resolve('stale');
    expect(await before).toBe('stale');
    expect(await after).toBe('fresh');
    expect(await shared.get('k', () => Promise.resolve('again'), 2)).toBe('fresh');
  });

  it('drops a failed load so the next request tries again', async () => {
    const shared = new SharedResults<string>(1000);
    await expect(shared.get('k', () => Promise.reject(new Error('down')), 0)).rejects.toThrow('down');
    expect(await shared.get('k', () => Promise.resolve('up'), 1)).toBe('up');
  });

  it('loads every time when sharing is off', async () => {
    const shared = new SharedResults<number>(0);
    const load = jest.fn(() => Promise.resolve(1));
    await shared.get('k', load, 0);
    await shared.get('k', load, 0);
    expect(load).toHaveBeenCalledTimes(2);
  });
});
