import { z } from 'zod';
import { isEmailAddress, isWebLink } from '../contact-links';

/**
 * What the caseworker's own directory entry needs before it is saved: a name, and an e-mail address and web
 * page that pass the checks the directory builds its links with (contact-links.ts), so a saved contact never
 * shows without its link. Only the first e-mail is the form's; further ones came with an import and stay as
 * they were.
 */
export const ownEntrySchema = z.object({
  name: z.string().trim().min(1),
  emails: z.array(z.string()).refine((emails) => emails[0] === undefined || isEmailAddress(emails[0]), { path: [0] }),
  url: z.string().refine(isWebLink).nullable(),
});
