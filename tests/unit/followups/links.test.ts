// Before anything imports Dexie: it picks up the global indexedDB when it loads.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { followUpSchema, linkChoices, linkKey, resolveLink, type FollowUpLink } from '@shared/followups';
import { closeRecordStore, openRecordStore } from '@renderer/db';
import { listCaseFollowUps, listLinkChoices, readLinkTarget, saveFollowUp } from '@renderer/features/followups/data';
import { newKey, uniqueDbName } from '../db/helpers';
import { printCase, printChecklist, printNotes } from '../print/fixtures';
import { followUp } from './fixtures';

afterEach(() => closeRecordStore());

const noteLink: FollowUpLink = { type: 'note', noteId: 'n1' };
const itemLink: FollowUpLink = { type: 'checklistItem', checklistId: 'cl-1', itemId: 'deceived' };

describe('a follow-up linked to a note or a checklist item', () => {
  it('keeps an optional link in its schema, and reads follow-ups written before links existed', () => {
    expect(followUpSchema.safeParse(followUp({ link: noteLink })).success).toBe(true);
    expect(followUpSchema.safeParse(followUp({ link: itemLink })).success).toBe(true);
    expect(followUpSchema.safeParse(followUp({ link: null })).success).toBe(true);
    const { link: _none, ...older } = followUp();
    expect(followUpSchema.safeParse(older).success).toBe(true);
    expect(followUpSchema.safeParse(followUp({ link: { type: 'note', noteId: '../x' } as FollowUpLink })).success).toBe(false);
    expect(followUpSchema.safeParse(followUp({ link: { type: 'note', noteId: 'n1', text: 'copied' } as FollowUpLink })).success).toBe(false);
  });

  it('names a note by its day and an item by its checklist and question, never by a note’s text', () => {
    const [note] = printNotes();
    expect(resolveLink(noteLink, 'case-1', note!, null)).toEqual({ type: 'note', noteId: 'n1', createdAt: note!.createdAt });
    expect(JSON.stringify(resolveLink(noteLink, 'case-1', note!, null))).not.toContain('NOTEMARK');
    expect(resolveLink(itemLink, 'case-1', null, printChecklist())).toMatchObject({
      type: 'checklistItem',
      checklistTitle: 'Print sample checklist',
      itemLabel: 'Was the person misled about the work?',
    });
  });

  it('shows a deleted note, checklist or question, or a record of another case, as missing', () => {
    expect(resolveLink(noteLink, 'case-1', null, null)).toEqual({ type: 'missing', was: 'note' });
    expect(resolveLink(itemLink, 'case-1', null, null)).toEqual({ type: 'missing', was: 'checklistItem' });
    expect(resolveLink({ ...itemLink, itemId: 'removed' }, 'case-1', null, printChecklist())).toEqual({ type: 'missing', was: 'checklistItem' });
    expect(resolveLink(noteLink, 'case-2', printNotes()[0]!, null)).toEqual({ type: 'missing', was: 'note' });
    expect(resolveLink(itemLink, 'case-2', null, printChecklist())).toEqual({ type: 'missing', was: 'checklistItem' });
  });

  it('offers the case’s notes, newest first, then every question of each checklist', () => {
    const choices = linkChoices('case-1', printNotes(), [printChecklist()]);
    expect(choices.slice(0, 3).map(({ link }) => linkKey(link))).toEqual(['note:n3', 'note:n2', 'note:n1']);
    expect(choices.slice(3).map(({ link }) => linkKey(link))).toContain('item:cl-1:deceived');
    expect(new Set(choices.map(({ link }) => linkKey(link))).size).toBe(choices.length);
  });

  it('reads the target from the vault, and a link to a deleted note reads as missing without breaking the follow-up', async () => {
    const store = await openRecordStore(await newKey(), { dbName: uniqueDbName() });
    const record = printCase();
    await store.save('cases', { id: record.id, kind: 'case', data: record });
    for (const note of printNotes()) await store.save('notes', { id: note.id, kind: 'note', index: { caseId: note.caseId }, data: note });
    const checklist = printChecklist();
    await store.save('checklists', { id: checklist.instance.id, kind: 'checklist', index: { caseId: 'case-1' }, data: checklist });
    await saveFollowUp(store, followUp({ caseId: 'case-1', link: noteLink }));

    expect((await listLinkChoices(store, 'case-1')).length).toBe(3 + checklist.instance.templateSnapshot.sections.flatMap((s) => s.items).length);
    expect(await readLinkTarget(store, 'case-1', itemLink)).toMatchObject({ type: 'checklistItem', itemId: 'deceived' });
    expect((await readLinkTarget(store, 'case-1', noteLink)).type).toBe('note');
    await store.delete('notes', 'n1');
    expect(await readLinkTarget(store, 'case-1', noteLink)).toEqual({ type: 'missing', was: 'note' });
    expect((await listCaseFollowUps(store, 'case-1')).records[0]?.link).toEqual(noteLink);
  });
});
