import { Routes } from '@angular/router';

import { AgentsPage } from './agents.page';

export const AGENTS_ROUTES: Routes = [{ path: '', component: AgentsPage }];
