import type { ValidationError as ClassValidationError } from 'class-validator';

import type { FieldError } from '@quimbi/server-kit';

/** class-validator errors as `{ field, message }` pairs with dotted paths (`line_items.0.quantity`). */
export function flattenValidationErrors(errors: ClassValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((e) => {
    const field = parent ? `${parent}.${e.property}` : e.property;
    const own = Object.values(e.constraints ?? {}).map((message) => ({
      field,
      message: message.replace(/^property (\S+) /, '').replace(new RegExp(`^${escapeRegExp(e.property)} `), ''),
    }));
    return [...own, ...flattenValidationErrors(e.children ?? [], field)];
  });
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
