import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { Observable, Subject } from 'rxjs';

import type { SlaClockName } from './sla-clock';

export interface SlaEvent {
  readonly type: 'sla.warning' | 'sla.breached';
  readonly ticketId: string;
  readonly clock: SlaClockName;
  readonly deadline: Date;
  /** When the check recorded it. */
  readonly at: Date;
}

/**
 * SLA warnings and breaches as they are recorded, for live updates to subscribe to. Each is
 * emitted once, by the process whose check recorded it (a worker when workers run apart).
 */
@Injectable()
export class SlaEvents implements OnModuleDestroy {
  private readonly subject = new Subject<SlaEvent>();
  readonly events$: Observable<SlaEvent> = this.subject.asObservable();

  emit(event: SlaEvent): void {
    this.subject.next(event);
  }

  onModuleDestroy(): void {
    this.subject.complete();
  }
}
