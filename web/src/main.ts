import { bootstrapApplication } from '@angular/platform-browser';

import { App } from './app/app';
import { appConfig } from './app/app.config';

bootstrapApplication(App, appConfig).catch((err: unknown) => {
  document.body.textContent = 'The Quimbi console could not start. Please reload the page.';
  // Re-thrown so the failure still reaches the browser's error reporting.
  throw err;
});
