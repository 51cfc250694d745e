import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { startChecklist, recordAnswer, type ChecklistInstance } from '@shared/checklists';
import {
  addTokensToCases,
  buildCaseSearchIndex,
  changeCaseStatus,
  createNote,
  editNote,
  removeCaseFromIndex,
  searchCases,
  setCasesInIndex,
  updateCaseInIndex,
  type CaseChecklist,
  type CaseNote,
} from '@shared/cases';
import { foldText, tokenize } from '@shared/fold';
import { generateSyntheticCases } from '../../support/synthetic-cases';
import { sampleTemplate } from '../checklists/fixtures';
import { now, sampleCase, shippedTemplates } from './fixtures';

function answered(instance: ChecklistInstance, itemId: string, value: unknown, note?: string): ChecklistInstance {
  const result = recordAnswer(instance, itemId, value, now, note);
  if (!result.ok) throw new Error(result.reason);
  return result.instance;
}

// Three cases: an Arabic alias, an accented alias and one with checklist answers.
const amira = sampleCase({ id: 'amira', code: 'WP-2026-0001', alias: 'أميرة', tags: ['housing'], updatedAt: '2026-03-14T10:00:00.000Z' });
const jose = changeCaseStatus(
  sampleCase({ id: 'jose', code: 'WP-2026-0002', alias: 'José Łukasz', tags: ['Legal'], createdAt: '2026-01-05T00:00:00.000Z' }),
  'referred',
  '2026-03-20T00:00:00.000Z',
);
const third = sampleCase({
  id: 'third',
  code: 'WP-2025-0042',
  alias: '',
  tags: [],
  createdAt: '2025-11-01T00:00:00.000Z',
  statusHistory: [{ status: 'open', date: '2025-11-01T00:00:00.000Z' }],
  updatedAt: '2026-03-01T00:00:00.000Z',
  profile: { ...sampleCase().profile, exploitationTypes: ['ForcedBegging'] },
});
const notes: CaseNote[] = [
  createNote({ id: 'n1', caseId: 'amira', text: 'Met at the clinic; needs a Tigrinya interpreter.', now }),
  createNote({ id: 'n2', caseId: 'jose', text: 'Moved to the shelter in São Paulo.', now }),
  createNote({ id: 'n3', caseId: 'jose', text: 'تم تقديم مساعدة قانونية', now }),
];
let instance = startChecklist(sampleTemplate, 'k1', now);
instance = answered(instance, 'moved', true);
instance = answered(instance, 'how', ['plane']);
instance = answered(instance, 'which-plane', 'Flight to Tripoli', 'said with hesitation');
instance = answered(instance, 'kind', 'b');
const checklists: CaseChecklist[] = [{ caseId: 'third', status: 'inProgress', instance }];

function freshIndex() {
  return buildCaseSearchIndex([amira, jose, third], notes, checklists);
}

describe('case search', () => {
  const index = freshIndex();
  const search = (query: string, filters = {}) => searchCases(index, query, filters);

  it('finds cases by code, whole or by parts, most recently updated first', () => {
    expect(search('WP-2025-0042')).toEqual(['third']);
    expect(search('0042')).toEqual(['third']);
    expect(search('wp 2026')).toEqual(['jose', 'amira']);
    expect(search('wp-2026-000')).toEqual(['jose', 'amira']);
  });

  it('finds aliases and tags ignoring case and accents', () => {
    expect(search('jose')).toEqual(['jose']);
    expect(search('JOSÉ')).toEqual(['jose']);
    expect(search('lukasz')).toEqual(['jose']);
    expect(search('HOUS')).toEqual(['amira']);
  });

  it('finds note texts by word prefix, not in the middle of a word', () => {
    expect(search('tigr')).toEqual(['amira']);
    expect(search('sao paulo')).toEqual(['jose']);
    expect(search('grinya')).toEqual([]);
  });

  it('finds Arabic text with or without hamza, and Arabic-Indic digits', () => {
    expect(search('أميرة')).toEqual(['amira']);
    expect(search('اميرة')).toEqual(['amira']);
    expect(search('اميره')).toEqual(['amira']);
    expect(search('مساع')).toEqual(['jose']);
    expect(search('٠٠٤٢')).toEqual(['third']);
  });

  it('finds checklist text answers, answer notes and chosen option labels, not unchosen ones', () => {
    expect(search('tripoli')).toEqual(['third']);
    expect(search('hesitation')).toEqual(['third']);
    expect(search('plane')).toEqual(['third']);
    expect(search('bus')).toEqual([]);
    // "kind" answered "b", whose label is "B"; the label "A" of the other option must not match.
    expect(search('b')).toContain('third');
    expect(search('a')).not.toContain('third');
  });

  it('requires every word to match, each in any of the case texts', () => {
    expect(search('clinic housing')).toEqual(['amira']);
    expect(search('clinic shelter')).toEqual([]);
    expect(search('jose shelter قانونية')).toEqual(['jose']);
  });

  it('matches every case for an empty or punctuation-only query', () => {
    expect(search('')).toEqual(['jose', 'amira', 'third']);
    expect(search(' -;, ')).toEqual(['jose', 'amira', 'third']);
  });

  it('filters by status, tag, exploitation type and date ranges', () => {
    expect(search('', { statuses: ['referred'] })).toEqual(['jose']);
    expect(search('', { statuses: ['open', 'closed'] })).toEqual(['amira', 'third']);
    expect(search('', { tag: 'legal' })).toEqual(['jose']);
    expect(search('', { exploitationType: 'ForcedBegging' })).toEqual(['third']);
    expect(search('wp', { dateRange: { field: 'createdAt', from: '2026-01-01T00:00:00.000Z' } })).toEqual(['jose', 'amira']);
    expect(search('', { dateRange: { field: 'createdAt', to: '2026-01-05T00:00:00.000Z' } })).toEqual(['jose', 'third']);
    expect(search('', { dateRange: { field: 'statusDate', from: '2026-03-15T00:00:00.000Z' } })).toEqual(['jose']);
  });

  it('never throws on any query', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (query) => {
        expect(Array.isArray(search(query))).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('only returns cases that contain the folded query as a word prefix', () => {
    const texts: Record<string, string> = {
      amira: `${amira.code} ${amira.alias} housing ${notes[0]!.text}`,
      jose: `${jose.code} ${jose.alias} legal ${notes[1]!.text} ${notes[2]!.text}`,
    };
    fc.assert(
      fc.property(fc.constantFrom('a', 'ti', 'wp', 'sh', 'mo', 'ق', 'x'), (query) => {
        for (const id of search(query)) {
          if (id in texts) expect(` ${foldText(texts[id]!).replace(/[^\p{L}\p{N}]+/gu, ' ')}`).toContain(` ${query}`);
        }
      }),
    );
  });
});

describe('incremental updates', () => {
  it('reflects an edited note, a new case and a removed case without a rebuild', () => {
    const index = freshIndex();
    const edited = editNote(notes[0]!, 'Met at the community centre.', now);
    updateCaseInIndex(index, amira, [edited, ...notes.slice(1)], checklists);
    expect(searchCases(index, 'tigrinya')).toEqual([]);
    expect(searchCases(index, 'community')).toEqual(['amira']);

    const added = sampleCase({ id: 'new', code: 'WP-2026-0003', alias: 'Zoë', updatedAt: '2026-04-01T00:00:00.000Z' });
    updateCaseInIndex(index, added, [createNote({ id: 'n9', caseId: 'new', text: 'community garden', now })], []);
    expect(searchCases(index, 'community')).toEqual(['new', 'amira']);
    expect(searchCases(index, 'zoe')).toEqual(['new']);

    removeCaseFromIndex(index, 'amira');
    expect(searchCases(index, 'community')).toEqual(['new']);
    expect(searchCases(index, 'amira')).toEqual([]);
    const readded = sampleCase({ id: 'again', code: 'WP-2026-0004', alias: 'Community' });
    updateCaseInIndex(index, readded, [], []);
    expect(searchCases(index, 'commun')).toEqual(['new', 'again']);
  });

  it('gives the same answers as a fresh build after many random edits', () => {
    const data = generateSyntheticCases(60, 7, shippedTemplates(), { notesPerCase: 2, checklistsPerCase: 1 });
    const index = buildCaseSearchIndex(data.cases, data.notes, data.checklists);
    const notesNow = new Map(data.notes.map((note) => [note.id, note]));
    data.notes.forEach((note, i) => {
      if (i % 3 !== 0) return;
      const donor = data.notes[(i * 7) % data.notes.length]!;
      notesNow.set(note.id, editNote(note, donor.text, now));
      const record = data.cases.find((c) => c.id === note.caseId)!;
      updateCaseInIndex(index, record, [...notesNow.values()], data.checklists);
    });
    const rebuilt = buildCaseSearchIndex(data.cases, [...notesNow.values()], data.checklists);
    const queries = [...new Set([...notesNow.values()].flatMap((note) => note.text.split(' ').slice(0, 2)))].slice(0, 80);
    for (const query of [...queries, ...queries.map((q) => q.slice(0, 2))]) {
      expect(searchCases(index, query)).toEqual(searchCases(rebuilt, query));
    }
  });
});

describe('batches and short prefixes', () => {
  const data = generateSyntheticCases(80, 11, shippedTemplates(), { notesPerCase: 2, checklistsPerCase: 1 });
  const words = [...new Set(data.notes.flatMap((note) => tokenize(note.text)))];
  // One- and two-letter prefixes come from bitsets kept up to date; longer ones from the vocabulary.
  const queries = [...new Set([...words.slice(0, 40), ...words.map((word) => word.slice(0, 1)), ...words.map((word) => word.slice(0, 2)), 'wp', 'w', '2', 'zz'])];

  function expectSameAnswers(index: ReturnType<typeof buildCaseSearchIndex>, rebuilt: ReturnType<typeof buildCaseSearchIndex>) {
    for (const query of queries) expect(searchCases(index, query), query).toEqual(searchCases(rebuilt, query));
  }

  it('adds the words of notes and checklists to an index of codes, aliases and tags as a full build has them', () => {
    const index = buildCaseSearchIndex(data.cases, [], []);
    const items = data.cases.map((record) => ({
      caseId: record.id,
      tokens: [...data.notes.filter((note) => note.caseId === record.id).flatMap((note) => tokenize(note.text))],
    }));
    addTokensToCases(index, items.slice(0, 30));
    addTokensToCases(index, [...items.slice(30), { caseId: 'no-such-case', tokens: ['ignored'] }]);
    expectSameAnswers(index, buildCaseSearchIndex(data.cases, data.notes, []));
    expect(searchCases(index, 'ignored')).toEqual([]);
  });

  it('replaces cases in one batch, the same case even twice, as one at a time would', () => {
    const index = buildCaseSearchIndex(data.cases, data.notes, data.checklists);
    const [first, second] = data.cases;
    const renamed = { ...first!, alias: 'Quetzal Unique', updatedAt: '2030-01-01T00:00:00.000Z' };
    setCasesInIndex(index, [
      { record: first!, tokens: ['transient'] },
      { record: second!, tokens: [] },
      { record: renamed, tokens: ['lasting'] },
    ]);
    expect(searchCases(index, 'transient')).toEqual([]);
    expect(searchCases(index, 'tr').includes(first!.id)).toBe(false);
    expect(searchCases(index, 'quetzal')).toEqual([first!.id]);
    expect(searchCases(index, 'lasting')).toEqual([first!.id]);
    expect(searchCases(index, 'q')[0]).toBe(first!.id);
  });

  it('forgets the short prefixes of a removed case', () => {
    const index = buildCaseSearchIndex(data.cases, data.notes, data.checklists);
    const lonely = sampleCase({ id: 'lonely', code: 'XQ-1', alias: 'ظلال', tags: [] });
    updateCaseInIndex(index, lonely, [], []);
    expect(searchCases(index, 'xq')).toEqual(['lonely']);
    expect(searchCases(index, 'ظ')).toEqual(['lonely']);
    removeCaseFromIndex(index, 'lonely');
    expect(searchCases(index, 'xq')).toEqual([]);
    expect(searchCases(index, 'ظ')).toEqual([]);
    expectSameAnswers(index, buildCaseSearchIndex(data.cases, data.notes, data.checklists));
  });
});
