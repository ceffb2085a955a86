import { Routes } from '@angular/router';

import { CustomerPage } from './customer.page';

export const CUSTOMER_ROUTES: Routes = [{ path: '', component: CustomerPage }];
