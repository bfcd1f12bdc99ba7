/**
 * A notification sink: where the demo's alerting contact point (a webhook) posts, so that after
 * `docker compose up` notifications land somewhere visible with no manual step. It keeps the last
 * notifications in memory (GET lists them, newest last) and prints one line per notification.
 */

/** Path of the sink on the simulator (under the admin prefix, so it needs no token). */
export const NOTIFICATIONS_PATH = '/__simulator/notifications';

/** How many notifications the sink keeps. */
export const MAX_NOTIFICATIONS = 200;

export interface ReceivedNotification {
  receivedAt: string;
  body: unknown;
}

/** Bounded, in-memory list of received notifications. */
export class NotificationSink {
  private items: ReceivedNotification[] = [];

  add(body: unknown, now = new Date()): ReceivedNotification {
    const item = { receivedAt: now.toISOString(), body };
    this.items.push(item);
    if (this.items.length > MAX_NOTIFICATIONS) {
      this.items.splice(0, this.items.length - MAX_NOTIFICATIONS);
    }
    return item;
  }

  list(): ReceivedNotification[] {
    return [...this.items];
  }

  clear(): number {
    const n = this.items.length;
    this.items = [];
    return n;
  }
}

/** One log line for a Grafana webhook payload: status, title, number of alerts; never its contents. */
export function describeNotification(body: unknown): string {
  const b = (body ?? {}) as { status?: unknown; title?: unknown; alerts?: unknown };
  const alerts = Array.isArray(b.alerts) ? b.alerts.length : 0;
  const title = typeof b.title === 'string' ? b.title.slice(0, 200) : '(no title)';
  return `notification: ${typeof b.status === 'string' ? b.status : '?'} · ${alerts} alert(s) · ${title}`;
}
