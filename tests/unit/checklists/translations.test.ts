import { describe, expect, it } from 'vitest';
import { sameStructure, templateInLanguage, type ChecklistTemplate } from '@shared/checklists';
import { sampleTemplate } from './fixtures';

/** The sample template with every piece of prose replaced, as a translator would. */
function translated(template: ChecklistTemplate, language: 'fr' | 'es'): ChecklistTemplate {
  const words = (text: string) => `[${language}] ${text}`;
  return {
    ...template,
    language,
    title: words(template.title),
    description: words(template.description),
    sections: template.sections.map((section) => ({
      ...section,
      title: words(section.title),
      items: section.items.map((item) => ({
        ...item,
        label: words(item.label),
        ...('options' in item ? { options: item.options.map((option) => ({ ...option, label: words(option.label) })) } : {}),
      })) as typeof section.items,
    })),
  };
}

describe('templateInLanguage', () => {
  const french = translated(sampleTemplate, 'fr');

  it('swaps in the words of the same template in the asked language', () => {
    expect(sameStructure(french, sampleTemplate)).toBe(true);
    expect(templateInLanguage(sampleTemplate, [french], 'fr')).toBe(french);
  });

  it('keeps the template as it is when it is already in that language or no variant exists', () => {
    expect(templateInLanguage(sampleTemplate, [french], sampleTemplate.language)).toBe(sampleTemplate);
    expect(templateInLanguage(sampleTemplate, [french], 'es')).toBe(sampleTemplate);
  });

  it('refuses a variant of another version, or one whose ids or conditions differ, so answers never land on the wrong question', () => {
    expect(templateInLanguage(sampleTemplate, [{ ...french, version: 99 }], 'fr')).toBe(sampleTemplate);
    const renamed = { ...french, sections: french.sections.map((section, index) => (index === 0 ? { ...section, id: 'elsewhere' } : section)) };
    expect(sameStructure(renamed, sampleTemplate)).toBe(false);
    expect(templateInLanguage(sampleTemplate, [renamed], 'fr')).toBe(sampleTemplate);
  });
});
