import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { rightToLeftLanguages, type Language } from '@shared/settings';
import en from './locales/en.json';
import ar from './locales/ar.json';

type Messages = Record<string, unknown>;

/**
 * Shared texts live in ./locales; each feature keeps its own in features/<name>/locales/<lang>.json,
 * loaded as the i18next namespace <name> (`useTranslation('legal')`).
 */
const featureLocales = import.meta.glob<Messages>('../features/*/locales/*.json', { eager: true, import: 'default' });

export const resources: Record<Language, Record<string, Messages>> = { en: { translation: en }, ar: { translation: ar } };
for (const [path, messages] of Object.entries(featureLocales)) {
  const match = /features\/([^/]+)\/locales\/(\w+)\.json$/.exec(path);
  const language = match?.[2] as Language | undefined;
  if (match && language && language in resources) resources[language][match[1]!] = messages;
}

export const languageNames: Record<Language, string> = { en: 'English', ar: 'العربية' };

export function directionOf(language: Language): 'ltr' | 'rtl' {
  return rightToLeftLanguages.includes(language) ? 'rtl' : 'ltr';
}

/** Sets the language of the interface and of the document (lang, dir), which screen readers use. */
export async function applyLanguage(language: Language): Promise<void> {
  await i18next.changeLanguage(language);
  document.documentElement.lang = language;
  document.documentElement.dir = directionOf(language);
}

void i18next.use(initReactI18next).init({
  resources,
  lng: 'en',
  fallbackLng: false,
  interpolation: { escapeValue: false }, // React escapes
  returnNull: false,
});

export { i18next };
