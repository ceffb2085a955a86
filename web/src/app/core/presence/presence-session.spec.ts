import { HttpErrorResponse } from '@angular/common/http';
import { of, throwError } from 'rxjs';

import { PRESENCE_HEARTBEAT_MS, TYPING_IDLE_MS, type PresenceState } from './presence';
import { PresenceSession } from './presence-session';
import type { PresenceService } from './presence.service';

describe('PresenceSession', () => {
  let sent: PresenceState[];
  let fail: number | null;
  const service = {
    get: () =>
      of({ ticket_id: 't-1', agents: [{ id: 'b', name: 'Bo', state: 'viewing' as const }] }),
    set: (_id: string, state: PresenceState) => {
      sent.push(state);
      return fail
        ? throwError(() => new HttpErrorResponse({ status: fail ?? 500 }))
        : of({ ticket_id: 't-1', agents: [] });
    },
  } as unknown as PresenceService;

  beforeEach(() => {
    jest.useFakeTimers();
    sent = [];
    fail = null;
  });

  afterEach(() => jest.useRealTimers());

  it('views on start, beats every 20 s, types while input flows and leaves on stop', () => {
    const seen: number[] = [];
    const session = new PresenceSession(service, 't-1', (agents) => seen.push(agents.length));
    session.start();
    expect(sent).toEqual(['viewing']);
    expect(seen[0]).toBe(1);

    jest.advanceTimersByTime(PRESENCE_HEARTBEAT_MS);
    expect(sent).toEqual(['viewing', 'viewing']);

    session.typing();
    session.typing();
    expect(sent).toEqual(['viewing', 'viewing', 'typing']);
    jest.advanceTimersByTime(TYPING_IDLE_MS - 1);
    session.typing();
    jest.advanceTimersByTime(TYPING_IDLE_MS - 1);
    expect(sent.at(-1)).toBe('typing');
    jest.advanceTimersByTime(1);
    expect(sent.at(-1)).toBe('viewing');

    session.typing();
    session.idle();
    expect(sent.slice(-2)).toEqual(['typing', 'viewing']);

    session.stop();
    session.stop();
    expect(sent.at(-1)).toBe('left');
    expect(sent.filter((s) => s === 'left')).toHaveLength(1);
    const count = sent.length;
    jest.advanceTimersByTime(PRESENCE_HEARTBEAT_MS * 3);
    expect(sent).toHaveLength(count);
  });

  it('goes quiet where the presence endpoint is missing', () => {
    fail = 404;
    const session = new PresenceSession(service, 't-1', () => undefined);
    session.start();
    jest.advanceTimersByTime(PRESENCE_HEARTBEAT_MS * 3);
    session.typing();
    session.stop();
    expect(sent).toEqual(['viewing']);
  });
});
