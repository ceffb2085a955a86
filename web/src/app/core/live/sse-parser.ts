/** One dispatched server-sent event. */
export interface SseMessage {
  /** `event:` field; `message` when the event named none. */
  event: string;
  /** `data:` lines joined with `\n`. */
  data: string;
  /** The last event id seen on the stream, if any. */
  id: string | null;
}

/**
 * Incremental parser of a `text/event-stream` body (WHATWG HTML, "Server-sent events"): feed it
 * decoded text in chunks of any size — a line, a field or a CRLF may be split between chunks —
 * and it returns the events completed by each chunk. Comments (`:`) are skipped, multi-line data
 * is joined, a leading BOM is dropped, and `retry:` is exposed as {@link retryMs}.
 */
export class SseParser {
  private buffer = '';
  private dataLines: string[] = [];
  private eventType = '';
  private lastEventId: string | null = null;
  private afterCr = false;
  private started = false;
  /** Reconnection delay the server asked for with `retry:`, if any. */
  retryMs: number | null = null;

  push(chunk: string): SseMessage[] {
    if (!chunk) return [];
    let text = chunk;
    if (!this.started) {
      this.started = true;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    // A CR ending the previous chunk already ended its line; a LF right after it is its pair.
    if (this.afterCr && text.startsWith('\n')) text = text.slice(1);
    this.afterCr = false;

    const out: SseMessage[] = [];
    // The kept partial line holds no line break, so scanning resumes where the new text starts.
    const scanFrom = this.buffer.length;
    this.buffer += text;
    let start = 0;
    for (let i = scanFrom; i < this.buffer.length; i++) {
      const ch = this.buffer[i];
      if (ch !== '\n' && ch !== '\r') continue;
      const line = this.buffer.slice(start, i);
      if (ch === '\r') {
        if (i + 1 < this.buffer.length) {
          if (this.buffer[i + 1] === '\n') i++;
        } else {
          this.afterCr = true;
        }
      }
      start = i + 1;
      const message = this.line(line);
      if (message) out.push(message);
    }
    this.buffer = this.buffer.slice(start);
    return out;
  }

  /** Forgets a partial event (after the connection dropped); the last event id is kept. */
  reset(): void {
    this.buffer = '';
    this.dataLines = [];
    this.eventType = '';
    this.afterCr = false;
    this.started = false;
  }

  private line(line: string): SseMessage | null {
    if (line === '') return this.dispatch();
    if (line.startsWith(':')) return null;
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    switch (field) {
      case 'event':
        this.eventType = value;
        break;
      case 'data':
        this.dataLines.push(value);
        break;
      case 'id':
        if (!value.includes('\0')) this.lastEventId = value;
        break;
      case 'retry':
        if (/^\d+$/.test(value)) this.retryMs = Number(value);
        break;
      default:
        break;
    }
    return null;
  }

  private dispatch(): SseMessage | null {
    const lines = this.dataLines;
    const event = this.eventType || 'message';
    this.dataLines = [];
    this.eventType = '';
    if (lines.length === 0) return null;
    return { event, data: lines.join('\n'), id: this.lastEventId };
  }
}
