import { z } from 'zod';
import { idPattern } from '../checklists/schema';

export const noteLimits = { textChars: 50_000, history: 10_000 } as const;

const isoDateTime = z.iso.datetime();
const recordId = z.string().max(80).regex(idPattern);

/** A case note. Editing keeps every earlier wording, so what was written when stays on record. */
export const caseNoteSchema = z.strictObject({
  id: recordId,
  caseId: recordId,
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
  text: z.string().max(noteLimits.textChars),
  /** Earlier wordings, oldest first; replacedAt is when each stopped being the current text. */
  history: z.array(z.strictObject({ text: z.string().max(noteLimits.textChars), replacedAt: isoDateTime })).max(noteLimits.history),
});
export type CaseNote = z.infer<typeof caseNoteSchema>;

export function createNote(input: { id: string; caseId: string; text: string; now: string }): CaseNote {
  return { id: input.id, caseId: input.caseId, createdAt: input.now, updatedAt: input.now, text: input.text, history: [] };
}

/** Returns the note with the new text and the old one in its history; unchanged text is a no-op. */
export function editNote(note: CaseNote, text: string, now: string): CaseNote {
  if (text === note.text) return note;
  return { ...note, text, updatedAt: now, history: [...note.history, { text: note.text, replacedAt: now }] };
}
