import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { rightToLeftLanguages, type Language } from '@shared/settings';
import en from './locales/en.json';
import ar from './locales/ar.json';

export const resources = { en: { translation: en }, ar: { translation: ar } } as const;

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
