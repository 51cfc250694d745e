import { seededRandom } from './seeded-random';
import type { Answer, ChecklistInstance } from '../../src/shared/checklists/answers';
import type { ChecklistItem, ChecklistTemplate } from '../../src/shared/checklists/schema';
import { countryCodes } from '../../src/shared/countries';
import { htcdsExploitationTypes, htcdsGenders, htcdsLabourIndustries, htcdsMethodsOfControl, htcdsSupportTypes } from '../../src/shared/cases/htcds';
import type { CaseNote } from '../../src/shared/cases/notes';
import type { CaseChecklist } from '../../src/shared/cases/records';
import { caseStatuses, type CaseRecord, type CaseStatus } from '../../src/shared/cases/schema';

/**
 * Made-up cases for tests and the bench: deterministic for a seed, valid against the schemas, and
 * about no one. Words are nonsense syllables (with some accented and Arabic words mixed in) drawn
 * with a skewed frequency, so the vocabulary looks like real notes: a few very common words and a
 * long tail of rare ones.
 */
export interface SyntheticCaseData {
  cases: CaseRecord[];
  notes: CaseNote[];
  checklists: CaseChecklist[];
}

export interface SyntheticOptions {
  notesPerCase?: number;
  checklistsPerCase?: number;
  /** Words per note are drawn between these bounds. */
  noteWords?: readonly [number, number];
}

const syllables = 'ka lo mi ne ru sa ti vo da fe gu ha ji ko lu ma no pe ri so tu va we ya zo be ci do ga he'.split(' ');
const mixedWords = ['José', 'São', 'Łódź', 'Müller', 'Ngozi', 'Đorđe', 'Zoë', 'crèche', 'مساعدة', 'سكن', 'أحمد', 'وثائق', 'عمل', 'محكمة'];
const tagPool = ['housing', 'legal', 'medical', 'court', 'shelter', 'interpreter', 'follow-up', 'child-protection'];
const baseTime = Date.UTC(2024, 0, 1);
const dayMs = 86_400_000;

export function generateSyntheticCases(count: number, seed: number, templates: readonly ChecklistTemplate[], options: SyntheticOptions = {}): SyntheticCaseData {
  const { notesPerCase = 5, checklistsPerCase = 3, noteWords = [10, 60] } = options;
  const random = seededRandom(seed);
  const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)] as T;
  const some = <T>(values: readonly T[], most: number): T[] => [...new Set(Array.from({ length: int(0, most) }, () => pick(values)))];
  const hex = (digits: number) => Array.from({ length: digits }, () => Math.floor(random() * 16).toString(16)).join('');
  const iso = (ms: number) => new Date(ms).toISOString();
  // Cubing skews towards the start of the range: low ranks are common words, high ranks rare.
  const word = () => {
    if (random() < 0.03) return pick(mixedWords);
    const rank = Math.floor(random() ** 3 * 20_000);
    return syllables[rank % 30]! + syllables[Math.floor(rank / 30) % 30]! + (rank >= 900 ? syllables[Math.floor(rank / 900) % 30]! : '');
  };
  const words = (min: number, max: number) => Array.from({ length: int(min, max) }, word).join(' ');

  const data: SyntheticCaseData = { cases: [], notes: [], checklists: [] };
  const sequenceByYear = new Map<number, number>();
  for (let n = 0; n < count; n++) {
    const createdMs = baseTime + int(0, 700) * dayMs + int(0, dayMs - 1);
    const year = new Date(createdMs).getUTCFullYear();
    const sequence = (sequenceByYear.get(year) ?? 0) + 1;
    sequenceByYear.set(year, sequence);
    const id = `c${hex(16)}`;
    let at = createdMs;
    const later = () => (at += int(1, 30) * dayMs);
    const statusHistory: CaseRecord['statusHistory'] = [{ status: 'open', date: iso(at) }];
    for (let changes = int(0, 2); changes > 0; changes--) {
      const status: CaseStatus = pick(caseStatuses.filter((s) => s !== statusHistory.at(-1)?.status));
      statusHistory.push({ status, date: iso(later()) });
    }
    const birthKnown = random() < 0.6;
    const exploitationTypes = some(htcdsExploitationTypes, 2);
    const record: CaseRecord = {
      id,
      code: `WP-${year}-${String(sequence).padStart(4, '0')}`,
      alias: random() < 0.7 ? `${word()} ${word()}` : '',
      status: statusHistory.at(-1)!.status,
      statusHistory,
      assignedTo: pick(['', 'caseworker A', 'caseworker B', 'caseworker C']),
      tags: some(tagPool, 3),
      profile: {
        gender: random() < 0.8 ? pick(htcdsGenders) : null,
        birthYear: birthKnown ? year - int(10, 60) : null,
        ageGroup: birthKnown || random() < 0.5 ? null : pick(['9-17', '18-20', '30-38'] as const),
        identifiedOn: null,
        citizenship: some(countryCodes, 2),
        countriesOfOrigin: some(countryCodes, 1),
        countriesOfTransit: some(countryCodes, 2),
        countriesOfExploitation: some(countryCodes, 1),
        exploitationTypes,
        labourSector: exploitationTypes.includes('ForcedLabour') ? pick(htcdsLabourIndustries) : null,
        methodsOfControl: some(htcdsMethodsOfControl, 4),
        assistanceProvided: some(htcdsSupportTypes, 3),
      },
      consent: { record: true, refer: random() < 0.6, share: random() < 0.3 },
      createdAt: iso(createdMs),
      updatedAt: iso(createdMs),
    };
    for (let k = 0; k < notesPerCase; k++) {
      const noteAt = iso(later());
      data.notes.push({ id: `n${hex(16)}`, caseId: id, createdAt: noteAt, updatedAt: noteAt, text: words(...noteWords), history: [] });
    }
    for (let k = 0; k < checklistsPerCase && templates.length > 0; k++) {
      const template = templates[(n + k) % templates.length]!;
      data.checklists.push({ caseId: id, status: random() < 0.5 ? 'completed' : 'inProgress', instance: fillIn(template, `k${hex(16)}`, iso(later())) });
    }
    record.updatedAt = iso(at);
    data.cases.push(record);
  }
  return data;

  function answerFor(item: ChecklistItem): Answer['value'] {
    switch (item.kind) {
      case 'check':
        return true;
      case 'yesNoUnknown':
        return pick(['yes', 'no', 'unknown']);
      case 'single':
        return pick(item.options).id;
      case 'multiple':
        return [...new Set([pick(item.options).id, pick(item.options).id])];
      case 'text':
        return words(3, 15);
      case 'date':
        return iso(baseTime + int(0, 700) * dayMs).slice(0, 10);
      case 'number': {
        const low = Math.ceil(item.min ?? 0);
        return Math.min(Math.floor(item.max ?? low + 10), low + int(0, 10));
      }
    }
  }

  // The instances share the template object (read-only) instead of each holding a deep copy,
  // so 30,000 checklists do not cost 30,000 template copies.
  function fillIn(template: ChecklistTemplate, id: string, now: string): ChecklistInstance {
    const answers: Record<string, Answer> = {};
    for (const item of template.sections.flatMap((section) => section.items)) {
      if (random() < 0.3) continue;
      const value = answerFor(item);
      answers[item.id] = random() < 0.1 ? { value, note: words(2, 8), answeredAt: now } : { value, answeredAt: now };
    }
    return { id, templateId: template.id, templateVersion: template.version, templateSnapshot: template, answers, startedAt: now, updatedAt: now };
  }
}
