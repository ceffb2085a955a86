import { Routes } from '@angular/router';

import { ChangePasswordPage } from './change-password.page';

export const CHANGE_PASSWORD_ROUTES: Routes = [{ path: '', component: ChangePasswordPage }];
