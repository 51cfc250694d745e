import Ajv from 'ajv';
import type { ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { loadHsdsSchemas } from './load';

// Keywords the HSDS 3.0 schema files use for their tabular (CSV) form; they do not constrain JSON.
const hsdsKeywords = ['name', 'constraints', 'core', 'example', 'datapackage_metadata', 'datapackage_type', 'path', 'tabular_required'];

/** Closes every object schema, so a field HSDS does not define is an error rather than silently allowed. */
function closed(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(closed);
  if (schema === null || typeof schema !== 'object') return schema;
  const copy = Object.fromEntries(Object.entries(schema).map(([key, value]) => [key, closed(value)]));
  return 'properties' in copy && copy.type === 'object' ? { ...copy, additionalProperties: false } : copy;
}

export type HsdsObject = 'organization' | 'service' | 'taxonomy' | 'taxonomy_term';

/**
 * ajv over the copied HSDS 3.0 schemas. The files carry no $schema (so ajv's default draft-07 applies) and
 * refer to each other by file name ("phone.json"), which is the key each one is added under.
 */
export function hsdsValidators(options: { strictFields: boolean }): Record<HsdsObject, ValidateFunction> {
  const ajv = new Ajv({ strict: true, allErrors: true });
  addFormats(ajv);
  for (const keyword of hsdsKeywords) ajv.addKeyword(keyword);
  for (const [file, schema] of Object.entries(loadHsdsSchemas())) {
    if ('$schema' in schema) throw new Error(`${file} declares $schema; pick the matching ajv class`);
    ajv.addSchema((options.strictFields ? closed(schema) : schema) as object, file);
  }
  const get = (file: string) =>
    ajv.getSchema(file) ??
    (() => {
      throw new Error(`${file} missing`);
    })();
  return {
    organization: get('organization.json'),
    service: get('service.json'),
    taxonomy: get('taxonomy.json'),
    taxonomy_term: get('taxonomy_term.json'),
  };
}
