import { formatPartialDate } from '../../i18n/format';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { wideAreas } from '@shared/countries';
import { contactChannels, populations, serviceTypes } from '@shared/hsds/taxonomy';

/** Names of codes in the interface language: countries and languages from Intl, terms from this feature's texts. */
export interface Labels {
  language: string;
  country(code: string): string;
  /** Where an entry serves: a country's name, or "EU-wide" for a wider area. */
  area(code: string): string;
  languageName(code: string): string;
  term(code: string): string;
  /** "2016-10" -> "October 2016", at the precision the date has. */
  date(value: string): string;
}

const termGroups = ['serviceTypes', 'populations', 'channels'] as const;
export const termCodes = [...serviceTypes, ...populations, ...contactChannels] as const;

export function useLabels(): Labels {
  const { t, i18n } = useTranslation('directory');
  const language = i18n.language;
  return useMemo(() => {
    const regions = new Intl.DisplayNames([language], { type: 'region', fallback: 'code' });
    const languages = new Intl.DisplayNames([language], { type: 'language', fallback: 'code' });
    const term = (code: string): string => {
      for (const group of termGroups) {
        const key = `${group}.${code}`;
        if (i18n.exists(key, { ns: 'directory' })) return t(key);
      }
      return code;
    };
    const country = (code: string) => (/^[A-Z]{2}$/.test(code) ? (regions.of(code) ?? code) : code);
    return {
      language,
      country,
      area: (code) => (Object.hasOwn(wideAreas, code) ? t(`wideAreas.${code}`) : country(code)),
      languageName: (code) => {
        try {
          return languages.of(code) ?? code;
        } catch {
          return code; // not a well-formed language tag
        }
      },
      term,
      date: (value) => formatPartialDate(value, language),
    };
  }, [language, t, i18n]);
}

/** Unicode isolates around a name or value put into a sentence: it keeps its own direction inside a right-to-left text. */
export function isolate(value: string): string {
  return `\u2068${value}\u2069`;
}
