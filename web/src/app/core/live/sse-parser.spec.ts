import { SseParser, type SseMessage } from './sse-parser';

const STREAM =
  '\uFEFF: connected\n\n' +
  'event: ticket.created\r\n' +
  'data: {"ticketId":"t-1","assignedAgentId":null}\r\n' +
  '\r\n' +
  'id: 7\n' +
  'event: presence\n' +
  'data: {"ticket_id":"t-2",\n' +
  'data:"agents":[]}\n' +
  '\n' +
  'retry: 2500\r' +
  'event: ping\r' +
  'data\r' +
  '\r' +
  'event: sla.breached\n' +
  'data: {"ticketId":"t-3"}\n\n';

const EXPECTED: SseMessage[] = [
  { event: 'ticket.created', data: '{"ticketId":"t-1","assignedAgentId":null}', id: null },
  { event: 'presence', data: '{"ticket_id":"t-2",\n"agents":[]}', id: '7' },
  { event: 'ping', data: '', id: '7' },
  { event: 'sla.breached', data: '{"ticketId":"t-3"}', id: '7' },
];

function parseInChunks(chunks: string[]): { messages: SseMessage[]; parser: SseParser } {
  const parser = new SseParser();
  const messages = chunks.flatMap((c) => parser.push(c));
  return { messages, parser };
}

describe('SseParser', () => {
  it('parses a whole stream: LF, CRLF and CR line ends, comments, BOM, multi-line data', () => {
    const { messages, parser } = parseInChunks([STREAM]);
    expect(messages).toEqual(EXPECTED);
    expect(parser.retryMs).toBe(2500);
  });

  it('gives the same events when the stream arrives one character at a time', () => {
    expect(parseInChunks(STREAM.split('')).messages).toEqual(EXPECTED);
  });

  it('gives the same events for every split of the stream into two chunks', () => {
    for (let i = 1; i < STREAM.length; i++) {
      const { messages } = parseInChunks([STREAM.slice(0, i), STREAM.slice(i)]);
      expect(messages).toEqual(EXPECTED);
    }
  });

  it('treats a CRLF split between chunks as one line end', () => {
    const { messages } = parseInChunks(['data: a\r', '\n', '\r', '\ndata: b\r\n\r\n']);
    expect(messages).toEqual([
      { event: 'message', data: 'a', id: null },
      { event: 'message', data: 'b', id: null },
    ]);
  });

  it('emits an event only once its blank line has arrived', () => {
    const parser = new SseParser();
    expect(parser.push('event: ticket.updated\ndata: {"ticketId":')).toEqual([]);
    expect(parser.push('"t-9"}\n')).toEqual([]);
    expect(parser.push('\n')).toEqual([
      { event: 'ticket.updated', data: '{"ticketId":"t-9"}', id: null },
    ]);
  });

  it('drops events without data and ignores unknown fields', () => {
    const { messages } = parseInChunks(['event: nothing\n\nfoo: bar\ndata:x\n\n']);
    expect(messages).toEqual([{ event: 'message', data: 'x', id: null }]);
  });

  it('forgets a partial event on reset but keeps the last event id', () => {
    const parser = new SseParser();
    parser.push('id: 3\ndata: complete\n\nevent: half\ndata: cut');
    parser.reset();
    expect(parser.push('data: fresh\n\n')).toEqual([{ event: 'message', data: 'fresh', id: '3' }]);
  });
});
