import { Routes } from '@angular/router';

import { SlaPage } from './sla.page';

export const SLA_ROUTES: Routes = [{ path: '', component: SlaPage }];
