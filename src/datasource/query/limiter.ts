import { Observable, type Subscription } from 'rxjs';

/**
 * At most this many gateway calls of one query are in flight; the rest wait their turn. A
 * multi-value deployment variable over all models and several features would otherwise fire
 * hundreds of requests at once from one panel.
 */
export const MAX_CALLS_IN_FLIGHT_PER_QUERY = 6;

/**
 * A counting semaphore for observables: `run(source)` subscribes to `source` once fewer than `max`
 * runs are active, and frees the slot when it completes, fails or is unsubscribed. Identical
 * requests are still sent once: the client's in-flight sharing sits below this.
 */
export class Limiter {
  private active = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(private readonly max = MAX_CALLS_IN_FLIGHT_PER_QUERY) {}

  /** Calls currently running (for tests and diagnostics). */
  get inFlight(): number {
    return this.active;
  }

  run<T>(source: Observable<T>): Observable<T> {
    return new Observable<T>((subscriber) => {
      let inner: Subscription | undefined;
      let holding = false;
      const release = () => {
        if (holding) {
          holding = false;
          this.active--;
          this.startWaiting();
        }
      };
      const start = () => {
        holding = true;
        this.active++;
        inner = source.subscribe({
          next: (value) => subscriber.next(value),
          error: (error: unknown) => {
            release();
            subscriber.error(error);
          },
          complete: () => {
            release();
            subscriber.complete();
          },
        });
      };
      if (this.active < this.max) {
        start();
      } else {
        this.waiting.push(start);
      }
      return () => {
        const index = this.waiting.indexOf(start);
        if (index >= 0) {
          this.waiting.splice(index, 1);
        }
        inner?.unsubscribe();
        release();
      };
    });
  }

  private startWaiting(): void {
    while (this.active < this.max && this.waiting.length > 0) {
      this.waiting.shift()!();
    }
  }
}
