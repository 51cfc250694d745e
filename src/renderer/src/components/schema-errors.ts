import type { FormErrors } from '@mantine/form';
import type { z } from 'zod';

/**
 * A @mantine/form `validate` function from a shared zod schema, so a form checks exactly what the
 * record layer will accept. The schema checks what would be saved (`toChecked(values)`); `fieldOf`
 * names the form field an issue belongs to (from the issue's path), and `message` gives that field's
 * translated text: zod's own messages are English and for developers. One message per field, the first.
 */
export function schemaErrors<Values>(
  schema: z.ZodType,
  toChecked: (values: Values) => unknown,
  fieldOf: (path: readonly PropertyKey[]) => string,
  message: (field: string) => string,
): (values: Values) => FormErrors {
  return (values) => {
    const parsed = schema.safeParse(toChecked(values));
    const errors: FormErrors = {};
    if (parsed.success) return errors;
    for (const issue of parsed.error.issues) {
      const field = fieldOf(issue.path);
      errors[field] ??= message(field);
    }
    return errors;
  };
}
