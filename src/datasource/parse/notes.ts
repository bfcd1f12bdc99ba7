import { redactSecrets } from '../gateway/redact';

/**
 * What a parser noticed but did not refuse: values it read leniently (a time without offset, an
 * int32 sent as a string) and values it replaced by "no value" (NaN, ±Infinity, a negative count).
 * Frame builders turn them into frame notices, so a number that is missing or was read with an
 * assumption is never silent. Notes are grouped by message: one line per kind, with a count and the
 * first JSON path, however many values share it.
 */
export class ParseNotes {
  private readonly byMessage = new Map<string, { count: number; firstPath: string }>();

  /** Records one occurrence of `message` at `path`. */
  add(message: string, path: string): void {
    const seen = this.byMessage.get(message);
    if (seen) {
      seen.count += 1;
    } else {
      this.byMessage.set(message, { count: 1, firstPath: path });
    }
  }

  /**
   * One line per message: "message (at path)" or "message (3 values, first at path)". Messages may
   * quote values the gateway sent, so tokens and JWT-shaped strings are redacted (gateway/redact.ts).
   */
  list(): string[] {
    return [...this.byMessage.entries()].map(([message, { count, firstPath }]) => {
      const where = firstPath || 'the response';
      const line = count === 1 ? `${message} (at ${where})` : `${message} (${count} values, first at ${where})`;
      return redactSecrets(line);
    });
  }
}

/** Notice texts shared by the parsers, so tests and the README name the same words. */
export const NOTE = {
  nonFinite: 'The gateway sent NaN or ±Infinity; shown as no value',
  negative: 'The gateway sent a negative value where none is possible; shown as no value',
  tooLarge: 'The gateway sent an integer beyond 2^53 that cannot be shown exactly; shown as no value',
  noOffset: 'The gateway sent a time without a UTC offset; read as UTC',
  int32AsString: 'The gateway sent an integer as a string; read as a number',
  statusAsNumber: 'The gateway sent a status as a number; read by its enum position',
  labelInYAxis: 'A point carried a label in yAxis and the number in value; value was used',
  binWithoutBounds: 'A frequency bin had no bounds and was left out',
  duplicateBin: 'The gateway sent the same bin twice; the copy was left out',
  boxOutOfOrder: 'A box plot interval had min > max or unordered quartiles; its values are shown as no value',
  binsPastTotal: 'The bins add up to more predictions than the reported total',
  rowSkipped: 'A row could not be read and was left out',
} as const;
