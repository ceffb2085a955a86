import { toLiveEvent } from './live-event';

describe('toLiveEvent', () => {
  it('reads ticket events as the API sends them', () => {
    expect(
      toLiveEvent(
        'ticket.updated',
        '{"type":"ticket.updated","ticketId":"t-1","assignedAgentId":"a-1","at":"2026-01-01T00:00:00.000Z","data":{"x":1}}',
      ),
    ).toEqual({
      type: 'ticket.updated',
      ticketId: 't-1',
      assignedAgentId: 'a-1',
      at: '2026-01-01T00:00:00.000Z',
      data: { x: 1 },
    });
  });

  it('reads presence with a camelCase or snake_case ticket id and drops bad agents', () => {
    const agents = '[{"id":"a","name":"Ada","state":"typing"},{"id":"b","state":"left"},{}]';
    for (const key of ['ticketId', 'ticket_id']) {
      expect(toLiveEvent('presence', `{"${key}":"t-1","agents":${agents}}`)).toEqual({
        type: 'presence',
        ticketId: 't-1',
        agents: [{ id: 'a', name: 'Ada', state: 'typing' }],
      });
    }
  });

  it('ignores heartbeats, unknown types and malformed data', () => {
    expect(toLiveEvent('ping', '{}')).toBeNull();
    expect(toLiveEvent('ticket.exploded', '{"ticketId":"t-1"}')).toBeNull();
    expect(toLiveEvent('ticket.created', 'not json')).toBeNull();
    expect(toLiveEvent('ticket.created', '{"assignedAgentId":null}')).toBeNull();
  });
});
