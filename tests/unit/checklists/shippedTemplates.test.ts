import { describe, expect, it } from 'vitest';
import { iloForcedLabourIndicatorIds, legalRefsOf, parseTemplateFile, sameStructure, visibleItems, type ChecklistTemplate } from '@shared/checklists';
import { shippedFiles, shippedTemplate, translatedFiles } from './fixtures';

// The provision ids the legal corpus promises to resolve; templates may cite only these.
const knownLegalRefs = new Set([
  'palermo-tip-protocol#art-3a',
  'palermo-tip-protocol#art-3b',
  'palermo-tip-protocol#art-3c',
  'palermo-tip-protocol#art-3d',
  'palermo-tip-protocol#art-6',
  'palermo-tip-protocol#art-7',
  'palermo-tip-protocol#art-8',
  'cets-197#art-4',
  'cets-197#art-10',
  'cets-197#art-10-3',
  'cets-197#art-10-4',
  'cets-197#art-12',
  'cets-197#art-13',
  'cets-197#art-14',
  'cets-197#art-15',
  'cets-197#art-16',
  'cets-197#art-26',
  'cets-197#art-28',
  'eu-dir-2011-36#art-2',
  'eu-dir-2011-36#art-8',
  'eu-dir-2011-36#art-11',
  'ilo-c29#art-2',
  'ilo-p29#art-4-1',
  'echr-art4#art-4',
  'smuggling-protocol#art-3a',
  'crc#art-34',
  'crc#art-35',
  'uk-msa-2015#s-1',
  'uk-msa-2015#s-2',
  'uk-msa-2015#s-45',
  'uk-msa-2015#s-48',
  'us-tvpa-2000#t-visa',
  'us-tvpa-2000#22-usc-7102',
]);

const expectedTemplates = [
  'child-protection',
  'ilo-forced-labour-indicators',
  'immediate-safety-needs',
  'informed-consent',
  'methods-of-control',
  'palermo-initial-screening',
  'referral-services',
  'safety-plan',
  'uk-nrm-prompts',
  'us-t-visa-continued-presence',
];

function allIds(template: ChecklistTemplate): string[] {
  return template.sections.flatMap((section) => section.items.map((item) => item.id));
}

describe('shipped templates', () => {
  it('are the expected set of files', () => {
    expect(shippedFiles().map(({ file }) => file)).toEqual(expectedTemplates.map((id) => `${id}.json`));
  });

  describe.each(shippedFiles())('$file', ({ file, text }) => {
    const result = parseTemplateFile(text);

    it('validates, in English, with an id matching its file name', () => {
      expect(result.ok ? [] : result.errors).toEqual([]);
      if (!result.ok) return;
      expect(`${result.template.id}.json`).toBe(file);
      expect(result.template.language).toBe('en');
    });

    it('has unique section and item ids', () => {
      if (!result.ok) throw new Error('invalid template');
      const sectionIds = result.template.sections.map((section) => section.id);
      expect(new Set(sectionIds).size).toBe(sectionIds.length);
      expect(new Set(allIds(result.template)).size).toBe(allIds(result.template).length);
    });

    it('cites only known legal provisions', () => {
      if (!result.ok) throw new Error('invalid template');
      expect(legalRefsOf(result.template).filter((ref) => !knownLegalRefs.has(ref))).toEqual([]);
    });

    it('uses rights-based words: no rescue language, "victim" only where a law is quoted', () => {
      expect(text).not.toMatch(/rescu/i);
      for (const match of text.matchAll(/victim/gi)) {
        expect(text.slice(match.index, match.index + 60)).toContain("(the law's term)");
      }
    });
  });

  it('the initial screening offers every act, means and purpose of the definition', () => {
    const template = shippedTemplate('palermo-initial-screening');
    const optionsWith = (element: string) =>
      template.sections.flatMap((section) =>
        section.items.flatMap((item) => ('options' in item ? item.options.filter((option) => option.element === element).map((option) => option.id) : [])),
      );
    expect(optionsWith('act')).toEqual(['recruitment', 'transport', 'transfer', 'harbouring', 'receipt']);
    expect(optionsWith('means')).toEqual(['threat', 'force', 'coercion', 'abduction', 'fraud', 'deception', 'abuse-of-power', 'abuse-of-vulnerability', 'payments']);
    expect(optionsWith('purpose')).toEqual(['sexual-exploitation', 'forced-labour', 'slavery', 'servitude', 'organ-removal']);
    expect(
      template.sections
        .flatMap((section) => section.items)
        .filter((item) => 'indicatesChild' in item)
        .map((item) => item.id),
    ).toEqual(['age-under-18']);
  });

  it('the initial screening asks about immediate danger, then agreement to talk, before anything about what happened', () => {
    // WHO ethical and safety recommendations for interviewing trafficked women; IOM direct assistance practice.
    const template = shippedTemplate('palermo-initial-screening');
    expect(template.version).toBe(2);
    const order = allIds(template);
    expect(order[0]).toBe('immediate-danger');
    expect(order.indexOf('agrees-to-talk')).toBeLessThan(order.indexOf('act-any'));
    const whatHappened = ['act-any', 'means-any', 'purpose-any', 'paid-to-cross-border'];
    const shown = (answers: Record<string, string>) => {
      const recorded = Object.fromEntries(Object.entries(answers).map(([id, value]) => [id, { value, answeredAt: '2026-01-01T00:00:00.000Z' }]));
      return visibleItems(template, recorded, { isChild: null, country: null }).map((item) => item.id);
    };
    for (const answer of [{}, { 'agrees-to-talk': 'no' }, { 'agrees-to-talk': 'unknown' }] as Record<string, string>[]) {
      expect(shown(answer).filter((id) => whatHappened.includes(id))).toEqual([]);
    }
    expect(shown({ 'agrees-to-talk': 'yes' })).toEqual(expect.arrayContaining(whatHappened));
  });

  it('the child checklist covers age, guardian, views, best interests, family tracing and return, and consent', () => {
    const template = shippedTemplate('child-protection');
    const ids = allIds(template);
    expect(ids).toEqual(
      expect.arrayContaining([
        'age-under-18',
        'age-assessment',
        'guardian',
        'views-heard',
        'best-interests-assessment',
        'determination-needed',
        'family-tracing',
        'return-risk-assessment',
        'who-consents',
        'child-agreement',
        'refer-without-consent',
      ]),
    );
    const item = (id: string) => template.sections.flatMap((section) => section.items).find((candidate) => candidate.id === id);
    // A "yes" to the age question switches on the child rule in the screening summary.
    expect(item('age-under-18')).toMatchObject({ kind: 'yesNoUnknown', indicatesChild: true, legalRefs: ['cets-197#art-10-3'] });
    expect(item('guardian')?.legalRefs).toContain('cets-197#art-10-4');
    expect(item('return-risk-assessment')?.legalRefs).toContain('cets-197#art-16');
  });

  it.each([
    ['informed-consent', ['confidentiality-limits', 'records-kept', 'interpreter-agreed', 'no-promises']],
    ['immediate-safety-needs', ['self-harm-risk', 'pregnancy', 'detention-or-removal', 'may-be-under-18']],
    ['safety-plan', ['grab-bag', 'document-copies', 'debt-or-family-threats', 'court-safety', 'review-triggers']],
    ['uk-nrm-prompts', ['uk-nation', 'child-referral', 'support-contract', 'two-decisions-explained', 'recovery-period-explained', 'temporary-permission']],
    ['us-t-visa-continued-presence', ['certification-letter', 'hhs-notified', 'eligibility-letter', 'continued-presence-who', 'other-routes-considered']],
    ['referral-services', ['labour-rights-wanted', 'child-protection-wanted', 'family-tracing-wanted', 'consular-wanted', 'education-wanted']],
  ])('%s version 2 asks what practice expects', (id, expected) => {
    // Started checklists keep their version 1 snapshot; new ones start from version 2.
    const template = shippedTemplate(id);
    expect(template.version).toBe(2);
    expect(allIds(template)).toEqual(expect.arrayContaining(expected));
  });

  it('US prompts: HHS letters follow the age, and Continued Presence is for law enforcement to request', () => {
    const template = shippedTemplate('us-t-visa-continued-presence');
    const shown = (context: { isChild: boolean | null; country: string | null }) => visibleItems(template, {}, context).map((item) => item.id);
    expect(shown({ isChild: true, country: 'US' })).toEqual(expect.arrayContaining(['hhs-notified', 'eligibility-letter']));
    expect(shown({ isChild: true, country: 'US' })).not.toContain('certification-letter');
    expect(shown({ isChild: false, country: 'US' })).toContain('certification-letter');
    expect(shown({ isChild: false, country: 'US' })).not.toContain('hhs-notified');
  });

  it('the ILO template marks each of the eleven indicators exactly once', () => {
    const marks = shippedTemplate('ilo-forced-labour-indicators').sections.flatMap((section) =>
      section.items.flatMap((item) => ('indicator' in item && item.indicator ? [item.indicator] : [])),
    );
    expect(marks).toEqual([...iloForcedLabourIndicatorIds]);
  });

  it('methods of control cover the HTCDS 2.0 list', () => {
    const item = shippedTemplate('methods-of-control').sections[0]?.items.find((candidate) => candidate.id === 'control-methods');
    const ids = item && 'options' in item ? item.options.map((option) => option.id) : [];
    // The HTCDS picklist, plus RestrictsMovement, which its field definitions describe.
    expect(ids).toEqual(
      expect.arrayContaining([
        'PhysicalThreats',
        'ThreatsLawEnforcement',
        'ThreatensChildrenFamily',
        'DebtBondage',
        'FalsePromises',
        'PhysicalAbuse',
        'SexualAbuse',
        'TakesEarnings',
        'RestrictsFinancialAccess',
        'RestrictsMedicalCare',
        'RestrictsMovement',
        'WithholdsNecessities',
        'PsychologicalAbuse',
        'PsychoactiveSubstance',
        'ExcessiveWorkingHours',
        'WithholdsDocuments',
        'Other',
      ]),
    );
  });

  it('referral covers each service with an organization and a date', () => {
    const template = shippedTemplate('referral-services');
    const ids = new Set(allIds(template));
    const services = ['shelter', 'medical', 'psychological', 'legal-aid', 'interpretation', 'residence-reflection', 'return-integration', 'compensation'];
    // Added in version 2, from practice: labour rights, children, family, consulate, schooling.
    services.push('labour-rights', 'child-protection', 'family-tracing', 'consular', 'education');
    for (const service of services) {
      expect(ids).toContain(`${service}-organization`);
      expect(ids).toContain(`${service}-date`);
    }
  });
});

describe('shipped translations', () => {
  const english = new Map(shippedFiles().map(({ file, text }) => [file, text]));

  describe.each(['es', 'fr', 'ar'] as const)('%s', (language) => {
    it('has every English template and no other', () => {
      expect(translatedFiles(language).map(({ file }) => file)).toEqual([...english.keys()]);
    });

    it.each(translatedFiles(language))('$file validates and differs from the English only in its words', ({ file, text }) => {
      const result = parseTemplateFile(text);
      expect(result.ok ? [] : result.errors).toEqual([]);
      if (!result.ok) return;
      const original = parseTemplateFile(english.get(file) ?? '');
      if (!original.ok) throw new Error(`${file}: the English original is invalid`);
      expect(result.template.language).toBe(language);
      expect(sameStructure(result.template, original.template)).toBe(true);
      expect(result.template.title).not.toBe(original.template.title);
    });
  });
});
