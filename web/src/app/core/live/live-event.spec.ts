import { isTicketChange, toLiveEvent } from './live-event';

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

  it('reads a new notification from the envelope, with or without a ticket', () => {
    const notification = {
      id: 'n-1',
      type: 'sla.breached',
      ticket_id: 't-1',
      title: 'SLA breached',
      body: 'First response is overdue',
      data: { clock: 'first_response', priority: 'high' },
      created_at: '2026-01-01T00:00:00.000Z',
      read_at: null,
    };
    const envelope = {
      type: 'notification.created',
      ticketId: 't-1',
      assignedAgentId: null,
      recipientAgentId: 'a-1',
      at: '2026-01-01T00:00:01.000Z',
      data: { notification },
    };
    expect(toLiveEvent('notification.created', JSON.stringify(envelope))).toEqual({
      type: 'notification.created',
      ticketId: 't-1',
      recipientAgentId: 'a-1',
      at: '2026-01-01T00:00:01.000Z',
      notification,
    });
    // The API sends an empty ticket id when the notification has no ticket.
    const withoutTicket = {
      ...envelope,
      ticketId: '',
      data: { notification: { ...notification, ticket_id: null } },
    };
    expect(toLiveEvent('notification.created', JSON.stringify(withoutTicket))).toMatchObject({
      type: 'notification.created',
      ticketId: null,
      notification: { id: 'n-1', ticket_id: null },
    });
  });

  it('ignores a notification event without a well-formed notification', () => {
    expect(toLiveEvent('notification.created', '{"ticketId":"t-1"}')).toBeNull();
    expect(
      toLiveEvent('notification.created', '{"ticketId":"t-1","data":{"notification":{"id":"n"}}}'),
    ).toBeNull();
  });

  it('tells ticket changes from presence and notifications', () => {
    const at = '2026-01-01T00:00:00.000Z';
    expect(
      isTicketChange({ type: 'ticket.updated', ticketId: 't', assignedAgentId: null, at }),
    ).toBe(true);
    expect(isTicketChange({ type: 'resync' })).toBe(true);
    expect(isTicketChange({ type: 'presence', ticketId: 't', agents: [] })).toBe(false);
    expect(
      isTicketChange({
        type: 'notification.created',
        ticketId: 't',
        recipientAgentId: null,
        at,
        notification: {
          id: 'n',
          type: 'sla.breached',
          ticket_id: 't',
          title: '',
          body: '',
          data: {},
          created_at: at,
          read_at: null,
        },
      }),
    ).toBe(false);
  });
});
