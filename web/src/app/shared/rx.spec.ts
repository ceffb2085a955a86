import { Subject } from 'rxjs';

import { debounceWithMaxWait } from './rx';

describe('debounceWithMaxWait', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('emits the last value once a burst settles', () => {
    const source = new Subject<number>();
    const out: number[] = [];
    source.pipe(debounceWithMaxWait(100, 1000)).subscribe((v) => out.push(v));
    source.next(1);
    jest.advanceTimersByTime(50);
    source.next(2);
    jest.advanceTimersByTime(99);
    expect(out).toEqual([]);
    jest.advanceTimersByTime(1);
    expect(out).toEqual([2]);
  });

  it('still emits every max-wait during a steady stream', () => {
    const source = new Subject<number>();
    const out: number[] = [];
    source.pipe(debounceWithMaxWait(100, 300)).subscribe((v) => out.push(v));
    for (let i = 1; i <= 10; i++) {
      source.next(i);
      jest.advanceTimersByTime(60);
    }
    expect(out).toEqual([5, 10]);
  });
});
