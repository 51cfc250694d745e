import { beforeAll, describe, expect, it } from 'vitest';
import { i18next } from '@renderer/i18n';
import { formatNumber, formatPartialDate } from '@renderer/i18n/format';

// The interface's own i18next instance, with its own locale files and number formatter.
beforeAll(async () => {
  await i18next.loadNamespaces(['directory', 'cases']);
  await i18next.loadLanguages(['es', 'fr', 'ar']);
});

const t = (language: string, key: string, count: number) => i18next.getFixedT(language, 'directory')(key, { count });

describe('plurals through Intl.PluralRules', () => {
  it('English and Spanish choose one or other', () => {
    expect(t('en', 'import.apply', 1)).toBe('Import 1 entry');
    expect(t('en', 'import.apply', 2)).toBe('Import 2 entries');
    expect(t('en', 'import.apply', 0)).toBe('Import 0 entries');
    expect(t('es', 'import.apply', 1)).toBe('Importar 1 entrada');
    expect(t('es', 'import.apply', 2)).toBe('Importar 2 entradas');
    expect(t('es', 'import.apply', 1_000_000)).toBe('Importar 1.000.000 entradas'); // the 'many' form
  });

  it('Arabic has a form for zero, one, two, a few, many and the rest', () => {
    const forms = [0, 1, 2, 3, 11, 100].map((count) => t('ar', 'import.apply', count));
    expect(new Set(forms).size).toBe(6);
    for (const form of forms) expect(form).not.toContain('import.apply');
    expect(forms[3]).toContain('3');
    expect(forms[4]).toContain('11');
  });

  it('French treats zero as singular, as French does', () => {
    expect(t('fr', 'export.scopeAll', 0)).toBe(t('fr', 'export.scopeAll', 1).replace('1', '0'));
  });
});

describe('numbers in texts', () => {
  it('are written the way of the language, while the count still picks the form', () => {
    expect(t('en', 'import.apply', 12345)).toBe('Import 12,345 entries');
    expect(t('fr', 'import.apply', 12345)).toContain(formatNumber(12345, 'fr'));
    expect(formatNumber(12345, 'fr')).toMatch(/^12\s345$/u);
    expect(formatNumber(12345, 'es')).toBe('12.345');
  });
});

describe('formatPartialDate', () => {
  it('keeps the precision the date has', () => {
    expect(formatPartialDate('2005-05-03', 'en')).toBe('May 3, 2005');
    expect(formatPartialDate('2016-11', 'en')).toBe('November 2016');
    expect(formatPartialDate('1999', 'en')).toBe('1999');
    expect(formatPartialDate('not a date', 'en')).toBe('not a date');
  });

  it('formats in each interface language without shifting the day across time zones', () => {
    expect(formatPartialDate('2000-12-31', 'en')).toBe('December 31, 2000');
    expect(formatPartialDate('2000-12-31', 'es')).toBe('31 de diciembre de 2000');
    expect(formatPartialDate('2000-12-31', 'fr')).toBe('31 décembre 2000');
    expect(formatPartialDate('2000-01-01', 'ar')).toContain('يناير');
  });
});
