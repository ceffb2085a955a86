import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { Observable, Subject } from 'rxjs';

import type { NotificationView } from './notifications.dto';

export interface NotificationEvent {
  readonly recipientAgentId: string;
  readonly notification: NotificationView;
}

/** Notifications as they are stored, for the live stream to push to their recipient. */
@Injectable()
export class NotificationEvents implements OnModuleDestroy {
  private readonly subject = new Subject<NotificationEvent>();
  readonly events$: Observable<NotificationEvent> = this.subject.asObservable();

  emit(event: NotificationEvent): void {
    this.subject.next(event);
  }

  onModuleDestroy(): void {
    this.subject.complete();
  }
}
