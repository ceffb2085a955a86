import { Routes } from '@angular/router';

import { InboxPage } from './inbox.page';

export const INBOX_ROUTES: Routes = [{ path: '', component: InboxPage }];
