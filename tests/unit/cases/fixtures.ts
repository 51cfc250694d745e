import { parseTemplateFile, type ChecklistTemplate } from '@shared/checklists';
import { newCaseRecord, type CaseRecord } from '@shared/cases';
import { shippedFiles } from '../checklists/fixtures';

export function shippedTemplates(): ChecklistTemplate[] {
  return shippedFiles().map(({ file, text }) => {
    const result = parseTemplateFile(text);
    if (!result.ok) throw new Error(`${file}: ${JSON.stringify(result.errors)}`);
    return result.template;
  });
}

export const now = '2026-03-14T10:00:00.000Z';

/** A valid case with every profile field filled in; override what a test needs. */
export function sampleCase(overrides: Partial<CaseRecord> = {}): CaseRecord {
  const base = newCaseRecord({ id: 'case-1', code: 'WP-2026-0001', now, assignedTo: 'caseworker A' });
  return {
    ...base,
    alias: 'Amira',
    tags: ['housing', 'legal'],
    profile: {
      gender: 'Feminine',
      birthYear: 2001,
      ageGroup: null,
      identifiedOn: '2026-03-01',
      citizenship: ['NG'],
      countriesOfOrigin: ['NG'],
      countriesOfTransit: ['NE', 'LY'],
      countriesOfExploitation: ['IT'],
      exploitationTypes: ['SexualExploitation', 'ForcedLabour'],
      labourSector: 'I_AccommodationAndFoodServiceActivities',
      methodsOfControl: ['DebtBondage', 'WithholdsDocuments'],
      assistanceProvided: ['Health', 'Legal'],
    },
    consent: { record: true, refer: true, share: false },
    ...overrides,
  };
}
