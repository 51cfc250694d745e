import { z } from 'zod';
import { DirectoryFormatError, directoryFromHsds } from './directory';
import type { Directory } from './directory';
import type { HsdsDirectory } from './types';

/**
 * Checks the shape of a directory file before it is mapped, so a damaged or hand-edited file gives one clear
 * error instead of a crash half-way. Full HSDS conformance is checked in the tests with the official JSON
 * schemas; this is the cheap guard the app runs at load time.
 */

const uuid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);

const attribute = z.object({
  id: uuid,
  link_id: uuid,
  link_entity: z.enum(['service', 'phone', 'organization']),
  link_type: z.string(),
  taxonomy_term_id: uuid,
  value: z.string().optional(),
});

const phone = z.object({
  id: uuid,
  service_id: uuid.optional(),
  organization_id: uuid.optional(),
  number: z.string().min(1),
  type: z.enum(['voice', 'text', 'fax', 'textphone']),
  description: z.string().optional(),
  attributes: z.array(attribute).optional(),
});

const contact = z.object({ id: uuid, service_id: uuid.optional(), organization_id: uuid.optional(), email: z.string() });

const service = z.object({
  id: uuid,
  organization_id: uuid.optional(),
  name: z.string().min(1),
  alternate_name: z.string().optional(),
  description: z.string(),
  url: z.string().optional(),
  email: z.string().optional(),
  status: z.literal('active'),
  phones: z.array(phone),
  schedules: z.array(
    z.object({
      id: uuid,
      service_id: uuid,
      freq: z.literal('WEEKLY').optional(),
      byday: z.string().optional(),
      opens_at: z.string().optional(),
      closes_at: z.string().optional(),
      description: z.string().optional(),
    }),
  ),
  service_areas: z.array(z.object({ id: uuid, service_id: uuid, name: z.string(), description: z.string() })),
  languages: z.array(z.object({ id: uuid, service_id: uuid, name: z.string(), code: z.string() })),
  contacts: z.array(contact),
  attributes: z.array(attribute),
});

const organization = z.object({
  id: uuid,
  name: z.string().min(1),
  alternate_name: z.string().optional(),
  description: z.string(),
  website: z.string().optional(),
  email: z.string().optional(),
  phones: z.array(phone),
  contacts: z.array(contact),
  locations: z.array(
    z.object({
      id: uuid,
      location_type: z.literal('physical'),
      organization_id: uuid,
      name: z.string(),
      addresses: z.array(
        z.object({
          id: uuid,
          location_id: uuid,
          address_1: z.string(),
          city: z.string(),
          state_province: z.string(),
          postal_code: z.string(),
          country: z.string(),
          address_type: z.enum(['physical', 'postal']),
        }),
      ),
    }),
  ),
  attributes: z.array(attribute),
});

const hsdsDirectorySchema: z.ZodType<HsdsDirectory> = z.object({
  format: z.literal('waypoint-directory'),
  hsdsVersion: z.literal('3.0'),
  dataVersion: z.number().int().nonnegative(),
  generatedAt: z.string(),
  referenceDate: z.string().optional(),
  taxonomies: z.array(z.object({ id: uuid, name: z.string(), description: z.string(), version: z.string() })),
  taxonomy_terms: z.array(
    z.object({
      id: uuid,
      code: z.string(),
      name: z.string(),
      description: z.string(),
      taxonomy: z.string(),
      taxonomy_id: uuid,
      parent_id: uuid.optional(),
      language: z.literal('en'),
    }),
  ),
  organizations: z.array(organization),
  services: z.array(service),
});

/** Parses a directory file's JSON value into the flat form; throws DirectoryFormatError on any problem. */
export function parseDirectory(json: unknown): Directory {
  const result = hsdsDirectorySchema.safeParse(json);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new DirectoryFormatError(`Directory file is not valid: ${issue ? `${issue.path.join('.')}: ${issue.message}` : 'unknown problem'}`);
  }
  return directoryFromHsds(result.data);
}
