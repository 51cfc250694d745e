import type { ReactNode } from 'react';
import { MantineProvider } from '@mantine/core';
import { cleanup, render } from '@testing-library/react';
import i18next, { type i18n } from 'i18next';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { afterEach } from 'vitest';
import { theme } from '@renderer/app/theme';
import en from '@renderer/i18n/locales/en.json';

/** The app's shared English texts, in an i18next instance of the test's own. */
export async function englishTexts(): Promise<i18n> {
  const instance = i18next.createInstance();
  await instance.use(initReactI18next).init({ lng: 'en', resources: { en: { translation: en } }, interpolation: { escapeValue: false } });
  return instance;
}

/** Renders inside Mantine with the app's theme (no transitions or portals: env "test") and i18next, as the app does. */
export async function renderInApp(ui: ReactNode) {
  const i18n = await englishTexts();
  return render(
    <I18nextProvider i18n={i18n}>
      <MantineProvider theme={theme} env="test">
        {ui}
      </MantineProvider>
    </I18nextProvider>,
  );
}

afterEach(cleanup);
