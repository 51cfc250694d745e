import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expectNoSeriousAxeViolations } from './axe';
import { expect, test } from './fixtures';
import { PASSPHRASE } from './vault-steps';

/**
 * Every page, in every language of the interface: the document's language and direction follow the
 * setting, and no text shows as its raw key. Each test works in one vault, and finds its controls by
 * the texts of its own language, read from the locale files. axe finds no serious or critical violation
 * on any page in English (left to right) and Arabic (right to left, another script); see `axe` below.
 */

const renderer = resolve(import.meta.dirname, '../../src/renderer/src');

type Messages = { [key: string]: string | string[] | Messages };

function readLocale(namespace: string, language: string): Messages {
  const folder = namespace === 'translation' ? join(renderer, 'i18n/locales') : join(renderer, 'features', namespace, 'locales');
  return JSON.parse(readFileSync(join(folder, `${language}.json`), 'utf8')) as Messages;
}

const namespaces = ['translation', ...readdirSync(join(renderer, 'features')).filter((feature) => existsSync(join(renderer, 'features', feature, 'locales')))];

function leafKeys(messages: Messages, prefix = ''): string[] {
  return Object.entries(messages).flatMap(([key, value]) => {
    const path = prefix ? `${prefix}.${key}` : key;
    return typeof value === 'object' && !Array.isArray(value) ? leafKeys(value, path) : [path];
  });
}

/** Every key a text can be asked for by, as i18next would show it when the text is missing: with and without its namespace, and plural keys by their base. */
const rawKeys = new Set(
  namespaces.flatMap((namespace) =>
    leafKeys(readLocale(namespace, 'en')).flatMap((key) => {
      const base = key.replace(/_(zero|one|two|few|many|other)$/, '');
      return [key, base, `${namespace}:${key}`, `${namespace}:${base}`];
    }),
  ),
);

/** A text of the given language: `text('ar', 'cases', 'tabs.checklists')`. */
function text(language: string, namespace: string, key: string): string {
  let value: string | string[] | Messages | undefined = readLocale(namespace, language);
  for (const part of key.split('.')) value = typeof value === 'object' && !Array.isArray(value) ? value[part] : undefined;
  if (typeof value !== 'string') throw new Error(`no text ${namespace}:${key} in ${language}`);
  return value;
}

/**
 * `axe`: whether axe checks each page. Its rules look at structure, names, roles, contrast and
 * ARIA, which are the same whatever the language of the texts; what could differ by language is
 * covered in all four: lang and dir here, no raw key here, no empty or missing text in the
 * locale files (tests/unit/i18n.test.ts). English and Arabic between them give axe both
 * directions; Spanish and French would repeat those runs (about half this file's time).
 */
const languages = [
  { code: 'en', name: 'English', dir: 'ltr', axe: true },
  { code: 'es', name: 'Español', dir: 'ltr', axe: false },
  { code: 'fr', name: 'Français', dir: 'ltr', axe: false },
  { code: 'ar', name: 'العربية', dir: 'rtl', axe: true },
] as const;

const heading = (page: Page) => page.getByRole('heading', { level: 1 });

/** Moves to a page the way a link elsewhere in the app does, and waits for the page's heading to change. */
async function goTo(page: Page, hash: string) {
  const before = await heading(page).textContent();
  await page.evaluate((target) => {
    window.location.hash = target;
  }, hash);
  await expect(heading(page)).not.toHaveText(before!);
}

/** Fails on any visible text, label or placeholder that is a raw key instead of a text. */
async function expectNoRawKeys(page: Page, label: string) {
  const shown = await page.evaluate(() => {
    const found: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const value = node.textContent?.trim();
      if (value && node.parentElement?.checkVisibility()) found.push(value);
    }
    for (const element of document.body.querySelectorAll('[aria-label], [placeholder], [title], [aria-description]')) {
      for (const attribute of ['aria-label', 'placeholder', 'title', 'aria-description']) {
        const value = element.getAttribute(attribute)?.trim();
        if (value) found.push(value);
      }
    }
    return found;
  });
  expect(
    shown.filter((value) => rawKeys.has(value)),
    `raw keys on ${label}`,
  ).toEqual([]);
}

test.use({ vault: 'prepared' });

for (const language of languages) {
  test(`every page in ${language.name}: ${language.axe ? 'axe, ' : ''}language and direction, no raw key`, async ({ page }) => {
    test.setTimeout(240_000); // about twenty-five pages, each with an axe run in English and Arabic
    const say = (namespace: string, key: string) => text(language.code, namespace, key);

    /** The page has settled on its heading: checks it in every way this test asks for. */
    async function check(label: string, ready?: Locator) {
      await expect(heading(page)).toHaveCount(1);
      if (ready) await expect(ready).toBeVisible();
      // Nothing is still loading.
      await expect(page.locator('.mantine-Loader-root')).toHaveCount(0);
      await expect(page.locator('html')).toHaveAttribute('lang', language.code);
      await expect(page.locator('html')).toHaveAttribute('dir', language.dir);
      await expectNoRawKeys(page, `${label} (${language.code})`);
      if (language.axe) await expectNoSeriousAxeViolations(page, `${label} (${language.code})`);
    }

    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Settings' }).click();
    if (language.code !== 'en') {
      await page.getByRole('combobox', { name: 'Interface language', exact: true }).click();
      await page.getByRole('option', { name: language.name, exact: true }).click();
    }
    await expect(heading(page)).toHaveText(say('settings', 'title'));
    await expect(page.getByRole('combobox', { name: say('settings', 'language'), exact: true })).toHaveValue(language.name);
    await check('settings with the backup panel', page.getByRole('region', { name: say('backup', 'title'), exact: true }));

    // Directory: the search for a country (with its emergency numbers) and a query, an entry, the import page and the own-entry form.
    await goTo(page, '#/directory?country=GB');
    await expect(heading(page)).toHaveText(say('directory', 'title'));
    await expect(page.locator('section[aria-labelledby="emergency-heading"]').getByRole('link').first()).toBeVisible();
    await page.getByRole('searchbox', { name: say('directory', 'search.label') }).fill('helpline');
    const results = page.locator('section[aria-labelledby="results-heading"]');
    await expect(results.getByRole('listitem').first()).toBeVisible();
    await check('directory search', results.getByRole('status'));
    const entry = results.getByRole('listitem').first().getByRole('link').first();
    const entryName = await entry.textContent();
    await entry.click();
    await expect(heading(page)).toHaveText(entryName!);
    await check('directory entry');
    await goTo(page, '#/directory/import');
    await expect(heading(page)).toHaveText(say('directory', 'import.title'));
    await check('directory import');
    await goTo(page, '#/directory/new');
    await expect(heading(page)).toHaveText(say('directory', 'form.newTitle'));
    await check('directory own entry');

    // Legal references: every kind of page, and a search.
    for (const hash of [
      '#/legal',
      '#/legal/instruments/palermo-tip-protocol',
      '#/legal/provisions/cets-197%23art-13',
      '#/legal/judgments/rantsev-v-cyprus-and-russia',
      '#/legal/topics/definition',
      '#/legal/countries/GB',
      '#/legal/explainers/definition',
    ]) {
      await goTo(page, hash);
      await check(hash, page.getByRole('note').first());
    }
    await goTo(page, '#/legal');
    await expect(heading(page)).toHaveText(say('legal', 'title'));
    await page.getByRole('searchbox', { name: say('legal', 'home.searchLabel') }).fill('forced labour');
    await check('legal search', page.getByRole('status').filter({ hasText: /\S/ }));

    // Cases: the list, the new-case form, a case with a note, a running checklist, the screening summary, templates.
    await goTo(page, '#/cases');
    await expect(heading(page)).toHaveText(say('cases', 'title'));
    await check('empty case list');
    await goTo(page, '#/cases/new');
    await expect(heading(page)).toHaveText(say('cases', 'form.newTitle'));
    await check('new case form');
    await page.getByLabel(say('cases', 'fields.alias'), { exact: true }).fill('Huda');
    await page.getByRole('button', { name: say('cases', 'form.create') }).click();
    await expect(heading(page)).toHaveText(/^WP-\d{4}-\d{4}$/);
    await page.getByRole('textbox', { name: say('cases', 'notes.newNote') }).fill('Met at the clinic.');
    await page.getByRole('button', { name: say('cases', 'notes.add') }).click();
    await expect(page.getByRole('list', { name: say('cases', 'notes.timeline') }).getByText('Met at the clinic.')).toBeVisible();
    await check('case page with a note');

    await page.getByRole('tab', { name: say('cases', 'tabs.checklists') }).click();
    await page.getByRole('button', { name: say('checklists', 'panel.start') }).click();
    const dialog = page.getByRole('dialog', { name: say('checklists', 'start.title') });
    await dialog.getByRole('radio').first().click();
    await check('start a checklist', dialog);
    await dialog.getByRole('button', { name: say('checklists', 'start.confirm'), exact: true }).click();
    await expect(dialog).toHaveCount(0);
    await page.getByRole('radiogroup').first().getByRole('radio').first().check();
    await expect(page.getByRole('status').filter({ hasText: say('checklists', 'runner.saved') })).toBeVisible();
    await check('running checklist');
    await page.getByRole('tab', { name: say('cases', 'tabs.screening') }).click();
    await check('screening summary', page.getByRole('region', { name: say('checklists', 'screening.title'), exact: true }));
    // Follow-ups: the form with a time and its zone, the case's list, then the agenda.
    await page.getByRole('tab', { name: say('followups', 'panel.title') }).click();
    await page.getByRole('button', { name: say('followups', 'actions.add') }).click();
    const followUpForm = page.getByRole('dialog', { name: say('followups', 'form.addTitle') });
    await followUpForm.getByLabel(say('followups', 'form.title'), { exact: true }).fill('Court hearing');
    await followUpForm.getByLabel(say('followups', 'form.date'), { exact: true }).fill('2030-05-02');
    await followUpForm.getByRole('checkbox', { name: say('followups', 'form.allDay') }).uncheck();
    await followUpForm.getByLabel(say('followups', 'form.time'), { exact: true }).fill('10:30');
    await check('follow-up form', followUpForm);
    await followUpForm.getByRole('button', { name: say('followups', 'actions.save') }).click();
    await check('case follow-ups', page.getByRole('list', { name: say('followups', 'panel.title') }).getByText('Court hearing'));
    await goTo(page, '#/agenda');
    await expect(heading(page)).toHaveText(say('followups', 'title'));
    await check('agenda', page.getByRole('region', { name: new RegExp(`^${say('followups', 'buckets.later')}`) }).getByText('Court hearing'));
    await goTo(page, '#/cases');
    await check('case list', page.getByRole('link', { name: /^WP-\d{4}-\d{4}$/ }));
    await goTo(page, '#/cases/templates');
    await expect(heading(page)).toHaveText(say('checklists', 'templates.title'));
    await check('checklist templates');

    // The lock screen keeps the language.
    await page
      .getByRole('banner')
      .getByRole('button', { name: say('translation', 'app.lock'), exact: true })
      .click();
    await expect(heading(page)).toHaveText(say('vault', 'lockedTitle'));
    await check('lock screen');
    await page.getByLabel(say('vault', 'passphrase')).fill(PASSPHRASE);
    await page.getByRole('button', { name: say('vault', 'unlock') }).click();
    await expect(page.getByRole('navigation', { name: say('translation', 'nav.label') })).toBeVisible({ timeout: 20_000 });
  });
}
