import { linkKey } from '../followups/links';
import type { FollowUpLink } from '../followups/schema';
import type { CaseAttachment } from './schema';

/** The files attached to one note or one checklist question: those whose link is that one. */
export function attachmentsLinkedTo(attachments: readonly CaseAttachment[], link: FollowUpLink): CaseAttachment[] {
  const key = linkKey(link);
  return attachments.filter((attachment) => attachment.link !== null && linkKey(attachment.link) === key);
}
