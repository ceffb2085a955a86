import { HttpContextToken } from '@angular/common/http';

/** Request goes out without the bearer token and its 401 is not a session end (sign-in). */
export const ANONYMOUS_REQUEST = new HttpContextToken<boolean>(() => false);

/** A 401 on this request must not trigger the "session ended" flow (sign-out). */
export const SKIP_SESSION_END = new HttpContextToken<boolean>(() => false);

/**
 * The caller handles a 403 itself (an optional feature it hides, or an in-page action it
 * reports inline), so the agent is not sent to the forbidden page.
 */
export const HANDLES_FORBIDDEN = new HttpContextToken<boolean>(() => false);
