import { NEVER, Subject, defer } from 'rxjs';

import { Limiter } from './limiter';

describe('Limiter', () => {
  it('starts a queued run when a running one completes, fails or is unsubscribed', () => {
    const limiter = new Limiter(2);
    const first = new Subject<number>();
    const second = new Subject<number>();
    const started: string[] = [];
    const track = (name: string, source: Subject<number> | typeof NEVER) => {
      started.push(name);
      return source;
    };
    const a = limiter.run(defer(() => track('a', first))).subscribe({ error: () => undefined });
    limiter.run(defer(() => track('b', second))).subscribe();
    const c = limiter.run(defer(() => track('c', NEVER))).subscribe();
    limiter.run(defer(() => track('d', NEVER))).subscribe();
    expect(started).toEqual(['a', 'b']);
    first.error(new Error('x'));
    expect(started).toEqual(['a', 'b', 'c']);
    c.unsubscribe();
    expect(started).toEqual(['a', 'b', 'c', 'd']);
    expect(limiter.inFlight).toBe(2);
    a.unsubscribe();
    second.complete();
    expect(limiter.inFlight).toBe(1);
  });

  it('a queued run that is unsubscribed never starts', () => {
    const limiter = new Limiter(1);
    const started: string[] = [];
    limiter.run(defer(() => (started.push('a'), NEVER))).subscribe();
    limiter
      .run(defer(() => (started.push('b'), NEVER)))
      .subscribe()
      .unsubscribe();
    expect(started).toEqual(['a']);
    expect(limiter.inFlight).toBe(1);
  });

  it('a queued run unsubscribed before its turn stays unstarted when the slot frees', () => {
    const limiter = new Limiter(1);
    const first = new Subject<number>();
    const started: string[] = [];
    limiter.run(defer(() => (started.push('a'), first))).subscribe();
    limiter
      .run(defer(() => (started.push('b'), NEVER)))
      .subscribe()
      .unsubscribe();
    first.complete();
    expect(started).toEqual(['a']);
    expect(limiter.inFlight).toBe(0);
  });
});
