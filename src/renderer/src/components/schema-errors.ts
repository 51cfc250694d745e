import type { ReactNode } from 'react';
import type { FormErrors } from '@mantine/form';
import type { z } from 'zod';

/**
 * A @mantine/form `validate` function from a shared zod schema, so a form checks exactly what the
 * record layer will accept. The schema checks what would be saved (`toChecked(values)`), which need
 * not be the form's values; `fieldOf` names the form field an issue belongs to (from the issue's path),
 * and `message` gives that field's text: zod's own messages are English and for developers, so a form
 * translates what a person can fix. One message per field, the first.
 *
 * Mantine's own `schemaResolver` (and mantine-form-zod-resolver) would validate the form's values and
 * show zod's messages as they are: neither fits a form whose record is built from its values.
 */
export function schemaErrors<Values>(
  schema: z.ZodType,
  toChecked: (values: Values) => unknown,
  fieldOf: (path: readonly PropertyKey[]) => string,
  message: (field: string, issue: z.core.$ZodIssue) => ReactNode,
): (values: Values) => FormErrors {
  return (values) => {
    const parsed = schema.safeParse(toChecked(values));
    const errors: FormErrors = {};
    if (parsed.success) return errors;
    for (const issue of parsed.error.issues) {
      const field = fieldOf(issue.path);
      errors[field] ??= message(field, issue);
    }
    return errors;
  };
}

/** A form path as @mantine/form writes it (`sections.0.items.2.label`), from a zod issue's path. */
export function formPath(path: readonly PropertyKey[]): string {
  return path.map(String).join('.');
}
