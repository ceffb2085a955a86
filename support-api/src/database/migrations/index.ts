import { InitialSupportSchema1763769600000 } from './1763769600000-initial-support-schema';
import { NotificationsAndWebhooks1764201600000 } from './1764201600000-notifications-and-webhooks';

/** Every migration, in order. Listed explicitly so bundling cannot lose one. */
export const SUPPORT_MIGRATIONS = [InitialSupportSchema1763769600000, NotificationsAndWebhooks1764201600000];
