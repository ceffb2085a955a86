import { Routes } from '@angular/router';

import { OpsPage } from './ops.page';

export const OPS_ROUTES: Routes = [{ path: '', component: OpsPage }];
