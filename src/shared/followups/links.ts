import type { CaseNote } from '../cases/notes';
import type { CaseChecklist } from '../cases/records';
import type { FollowUpLink } from './schema';

/**
 * What a follow-up's link points at, read from the case's own records: a note (named by the day it was
 * written, never by its text, since the agenda can be seen over a shoulder), a checklist item (its
 * template's words, no answer), or `missing` when the note, the checklist or the item is gone.
 */
export type LinkTarget =
  | { type: 'note'; noteId: string; createdAt: string }
  | { type: 'checklistItem'; checklistId: string; itemId: string; checklistTitle: string; itemLabel: string }
  | { type: 'missing'; was: FollowUpLink['type'] };

/** A record of another case counts as missing: a link (from a crafted backup, say) never shows another case's records. */
export function resolveLink(link: FollowUpLink, caseId: string, note: CaseNote | null, checklist: CaseChecklist | null): LinkTarget {
  if (link.type === 'note') {
    return note && note.id === link.noteId && note.caseId === caseId ? { type: 'note', noteId: note.id, createdAt: note.createdAt } : { type: 'missing', was: 'note' };
  }
  if (!checklist || checklist.instance.id !== link.checklistId || checklist.caseId !== caseId) return { type: 'missing', was: 'checklistItem' };
  const template = checklist.instance.templateSnapshot;
  const item = template.sections.flatMap((section) => section.items).find((candidate) => candidate.id === link.itemId);
  return item
    ? { type: 'checklistItem', checklistId: link.checklistId, itemId: item.id, checklistTitle: template.title, itemLabel: item.label }
    : { type: 'missing', was: 'checklistItem' };
}

/** Every target the form offers for a case: its notes, newest first, then each checklist's items in order. */
export function linkChoices(caseId: string, notes: readonly CaseNote[], checklists: readonly CaseChecklist[]): { link: FollowUpLink; target: LinkTarget }[] {
  const byNote = [...notes]
    .sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0))
    .map((note) => {
      const link: FollowUpLink = { type: 'note', noteId: note.id };
      return { link, target: resolveLink(link, caseId, note, null) };
    });
  const byItem = checklists.flatMap((checklist) =>
    checklist.instance.templateSnapshot.sections.flatMap((section) =>
      section.items.map((item) => {
        const link: FollowUpLink = { type: 'checklistItem', checklistId: checklist.instance.id, itemId: item.id };
        return { link, target: resolveLink(link, caseId, null, checklist) };
      }),
    ),
  );
  return [...byNote, ...byItem];
}

/** A link as one string, for a select's value. */
export function linkKey(link: FollowUpLink): string {
  return link.type === 'note' ? `note:${link.noteId}` : `item:${link.checklistId}:${link.itemId}`;
}
