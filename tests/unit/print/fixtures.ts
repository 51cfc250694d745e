import type { CaseChecklist, CaseNote, CaseRecord } from '@shared/cases';
import { newCaseRecord } from '@shared/cases';
import { recordAnswer, startChecklist, type ChecklistInstance, type ChecklistTemplate } from '@shared/checklists';

/** Markers: each must appear in a full export and vanish where the redaction level drops it. */
export const markers = {
  alias: 'ALIASMARK Zoya',
  note: 'NOTEMARK first meeting went well',
  arabicNote: 'ملاحظة عربية عن اللقاء الأول',
  itemNote: 'ITEMNOTEMARK said it twice',
  textAnswer: 'TEXTANSWERMARK works at the farm',
  cyrillic: 'Кириллица: работа на ферме',
  thai: 'ภาษาไทย ทดสอบ',
  option: 'OPTIONMARK Agriculture',
  hostile: `<script>alert("x")</script><img src=x onerror='boom'>`,
};

export const printTemplate: ChecklistTemplate = {
  id: 'print-sample',
  version: 2,
  language: 'en',
  title: 'Print sample checklist',
  description: 'A template that uses every kind of item.',
  sections: [
    {
      id: 'about',
      title: 'About the work',
      items: [
        { id: 'deceived', kind: 'yesNoUnknown', label: 'Was the person misled about the work?', element: 'means', indicator: 'ilo:deception' },
        {
          id: 'sector',
          kind: 'single',
          label: 'Sector',
          options: [
            { id: 'agri', label: markers.option },
            { id: 'other', label: 'Other sector' },
          ],
        },
        {
          id: 'control',
          kind: 'multiple',
          label: 'Methods of control seen',
          options: [
            { id: 'debt', label: 'Debt' },
            { id: 'threats', label: 'Threats' },
          ],
        },
        { id: 'recruited', kind: 'check', label: 'Recruited for work', element: 'act' },
        { id: 'story', kind: 'text', label: 'In their words', multiline: true },
        { id: 'followup', kind: 'text', label: 'Asked only if misled', condition: { item: 'deceived', equals: 'yes' } },
      ],
    },
    {
      id: 'dates',
      title: 'Dates and numbers',
      items: [
        { id: 'arrived', kind: 'date', label: 'Date of arrival' },
        { id: 'hours', kind: 'number', label: 'Hours worked per day', min: 0, max: 24 },
      ],
    },
  ],
};

const now = '2026-03-02T10:00:00.000Z';

export function printCase(): CaseRecord {
  return {
    ...newCaseRecord({ id: 'case-1', code: 'WP-2026-0042', now: '2026-03-01T09:00:00.000Z', assignedTo: 'Caseworker Ana' }),
    alias: markers.alias,
    tags: ['priority'],
  };
}

export function printNotes(): CaseNote[] {
  return [
    { id: 'n1', caseId: 'case-1', createdAt: now, updatedAt: now, text: markers.note, history: [] },
    { id: 'n2', caseId: 'case-1', createdAt: '2026-03-03T10:00:00.000Z', updatedAt: now, text: markers.arabicNote, history: [] },
    { id: 'n3', caseId: 'case-1', createdAt: '2026-03-04T10:00:00.000Z', updatedAt: now, text: `${markers.cyrillic} ${markers.thai}`, history: [] },
  ];
}

export function printChecklist(template: ChecklistTemplate = printTemplate): CaseChecklist {
  let instance: ChecklistInstance = startChecklist(template, 'cl-1', now);
  const answers: Array<[string, unknown, string?]> = [
    ['deceived', 'yes', markers.itemNote],
    ['sector', 'agri'],
    ['control', ['debt']],
    ['recruited', true],
    ['story', markers.textAnswer],
    ['arrived', '2025-11-20'],
    ['hours', 14],
  ];
  for (const [id, value, note] of answers) {
    const result = recordAnswer(instance, id, value, now, note);
    if (!result.ok) throw new Error(`${id}: ${result.reason}`);
    instance = result.instance;
  }
  return { caseId: 'case-1', status: 'inProgress', instance };
}
