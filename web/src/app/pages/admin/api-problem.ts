import { apiErrorBody, toDisplayError } from '../../core/http/api-error';

/** A failure as the admin pages show it: the message, plus each field problem when given. */
export interface ApiProblem {
  status: number;
  message: string;
  /** `field: message` lines of a 400's `details`. */
  details: string[];
  /** Field name → message, for showing errors next to their inputs. */
  fields: Record<string, string>;
  requestId: string | null;
}

function describe(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** Turns any HTTP failure into a problem with its `details` spelled out (e.g. a weak password). */
export function toApiProblem(err: unknown, fallback: string): ApiProblem {
  const display = toDisplayError(err, fallback);
  const details: string[] = [];
  const fields: Record<string, string> = {};
  const raw = apiErrorBody(err)?.details;
  if (Array.isArray(raw)) {
    for (const d of raw) {
      if (d && typeof d === 'object' && typeof d.message === 'string') {
        const field = typeof d.field === 'string' ? d.field : '';
        details.push(field ? `${field}: ${d.message}` : d.message);
        if (field) fields[field] = d.message;
      } else if (typeof d === 'string') {
        details.push(d);
      }
    }
  } else if (raw && typeof raw === 'object') {
    for (const [key, value] of Object.entries(raw)) {
      if (Array.isArray(value)) details.push(...value.map(describe));
      else if (typeof value === 'string') details.push(`${key}: ${value}`);
    }
  }
  return { ...display, details, fields };
}
