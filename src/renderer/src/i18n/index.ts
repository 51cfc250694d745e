import i18next, { type BackendModule, type FormatterModule, type ReadCallback } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { rightToLeftLanguages, type Language } from '@shared/languages';
import { formatNumber } from './format';
import en from './locales/en.json';
// The texts alone, not the vault's index.ts: the lock screen needs them before any feature's code loads.
// eslint-disable-next-line no-restricted-imports
import vaultEn from '../features/vault/locales/en.json';

type Messages = Record<string, unknown>;

/**
 * Shared English texts and the vault's are bundled, so the lock screen needs no loading. Everything
 * else loads on first use: shared texts in another language from ./locales, and each feature's own
 * texts from features/<name>/locales/<lang>.json as the i18next namespace <name>
 * (`useTranslation('legal')`), which suspends the lazily loaded page that asks for it until they are
 * there. The vault's namespace loads with every language change (`ns`), since the lock screen shows
 * before any page; its components also use shared texts, so they name its keys `t('vault:…')`.
 */
const sharedLocales = import.meta.glob<Messages>('./locales/*.json', { import: 'default' });
const featureLocales = import.meta.glob<Messages>('../features/*/locales/*.json', { import: 'default' });

const localeFiles: BackendModule = {
  type: 'backend',
  init: () => {},
  read(language: string, namespace: string, callback: ReadCallback) {
    const load = namespace === 'translation' ? sharedLocales[`./locales/${language}.json`] : featureLocales[`../features/${namespace}/locales/${language}.json`];
    if (!load) return callback(new Error(`no ${language} texts for ${namespace}`), false);
    load().then(
      (messages) => callback(null, messages),
      (error: unknown) => callback(error instanceof Error ? error : new Error(String(error)), false),
    );
  },
};

/** Every number put into a text is written the language's way ("1,234", "1 234"); counts still choose the plural form from the number itself. */
const numbersInTexts: FormatterModule = {
  type: 'formatter',
  init: () => {},
  format: (value: unknown, _format, language) => (typeof value === 'number' && language ? formatNumber(value, language) : (value as string)),
  // Named formats ("{{n, currency}}") are not used in our texts.
  add: () => {},
  addCached: () => {},
};

export const languageNames: Record<Language, string> = { en: 'English', es: 'Español', fr: 'Français', ar: 'العربية' };

export function directionOf(language: Language): 'ltr' | 'rtl' {
  return rightToLeftLanguages.includes(language) ? 'rtl' : 'ltr';
}

/** Sets the language of the interface and of the document (lang, dir), which screen readers use. */
export async function applyLanguage(language: Language): Promise<void> {
  await i18next.changeLanguage(language);
  document.documentElement.lang = language;
  document.documentElement.dir = directionOf(language);
}

void i18next
  .use(localeFiles)
  .use(numbersInTexts)
  .use(initReactI18next)
  .init({
    resources: { en: { translation: en, vault: vaultEn } },
    partialBundledLanguages: true,
    ns: ['translation', 'vault'],
    lng: 'en',
    fallbackLng: false,
    interpolation: { escapeValue: false, alwaysFormat: true }, // React escapes
    returnNull: false,
    // A text asked for but missing is reported (the end-to-end tests fail on it) instead of passing silently as its key.
    saveMissing: true,
    missingKeyHandler: (languages, namespace, key) => console.error(`Missing text: ${namespace}:${key} (${languages.join(', ')})`),
  });

export { i18next };
