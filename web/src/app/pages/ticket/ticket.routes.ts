import { Routes } from '@angular/router';

import { TicketPage } from './ticket.page';

export const TICKET_ROUTES: Routes = [{ path: '', component: TicketPage }];
