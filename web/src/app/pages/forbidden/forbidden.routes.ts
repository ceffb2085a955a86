import { Routes } from '@angular/router';

import { ForbiddenPage } from './forbidden.page';

export const FORBIDDEN_ROUTES: Routes = [{ path: '', component: ForbiddenPage }];
