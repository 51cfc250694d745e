import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { unlock } from './vault-steps';

/** Moves to a legal page the way a link elsewhere in the app does (a new history entry). */
async function followLink(page: Page, hash: string) {
  await page.evaluate((target) => {
    window.location.hash = target;
  }, hash);
}

async function openLegal(page: Page) {
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Legal references' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Legal references' })).toBeVisible();
}

async function expectLegalNote(page: Page) {
  await expect(page.getByRole('note', { name: 'About these summaries' })).toContainText('They are not legal advice');
}

async function chooseOption(page: Page, combobox: string, option: string) {
  await page.getByRole('combobox', { name: combobox }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

const heading = (page: Page, name: string) => page.getByRole('heading', { level: 1, name, exact: true });

test.use({ vault: 'prepared' });

test('browses an instrument: facts, key provisions, official link, provision and back', async ({ page }) => {
  await openLegal(page);
  await expectLegalNote(page);
  await page.getByRole('link', { name: 'Council of Europe Anti-Trafficking Convention (CETS No. 197)' }).click();

  await expect(heading(page, 'Council of Europe Anti-Trafficking Convention (CETS No. 197)')).toBeVisible();
  await expectLegalNote(page);
  // The date shown is the one the source gives for itself, never called a verification.
  await expect(page.getByRole('note')).toContainText('Source dated:');
  await expect(page.getByText('Last verified')).toHaveCount(0);
  const facts = page.getByRole('table', { name: 'Key facts' });
  await expect(facts).toContainText('Council of Europe Convention on Action against Trafficking in Human Beings');
  await expect(facts.getByRole('row', { name: /^Adopted May 3, 2005/ })).toBeVisible();
  await expect(facts.getByRole('row', { name: /^Entry into force February 1, 2008/ })).toBeVisible();
  await expect(facts.getByRole('row', { name: /^Parties 48/ })).toBeVisible();
  const official = facts.getByRole('row', { name: /^Official text/ }).getByRole('link');
  await expect(official).toHaveAttribute('href', /^https:\/\//);
  await expect(official).toHaveAttribute('target', '_blank');
  await expect(official).toHaveAttribute('rel', 'noreferrer');
  await expect(official).toContainText('coe.int');

  await page.getByRole('link', { name: 'Article 13: Recovery and reflection period' }).click();
  await expect(heading(page, 'Article 13: Recovery and reflection period')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
  await page.getByRole('link', { name: 'Back' }).click();
  await expect(heading(page, 'Council of Europe Anti-Trafficking Convention (CETS No. 197)')).toBeVisible();
});

test('a provision opened from a checklist link shows its judgments and citing checklists, and Back returns', async ({ page }) => {
  await followLink(page, '#/legal/provisions/palermo-tip-protocol%23art-3a');
  await expect(heading(page, 'Article 3(a): Definition of trafficking in persons')).toBeVisible();
  await expect(page.getByRole('link', { name: 'UN Trafficking in Persons Protocol (Palermo Protocol)' }).first()).toBeVisible();
  await expectLegalNote(page);
  await expect(page.getByRole('note', { name: 'About these summaries' })).toContainText('April 20, 2024');
  const checklists = page.getByRole('region', { name: 'Checklist items that cite this provision' });
  await expect(checklists.getByRole('heading', { name: 'Initial screening: the three elements' })).toBeVisible();
  await expect(checklists.getByRole('listitem').first()).toBeVisible();
  await page.getByRole('link', { name: 'Back' }).click();
  await expect(heading(page, 'Directory')).toBeVisible();

  // A provision interpreted by the Court lists the judgments.
  await followLink(page, '#/legal/provisions/echr-art4%23art-4');
  await expect(page.getByRole('region', { name: 'Judgments interpreting this provision' }).getByRole('link', { name: 'Rantsev v. Cyprus and Russia' })).toBeVisible();
});

test('a provision that is the first page opened goes back to its instrument', async ({ app }) => {
  const page = await app.context.newPage();
  // A tab that already holds the preview's token (src/preview/bridge.ts keeps it per tab), opened on a provision.
  const token = new URL(app.server.openUrl).hash.replace('#token=', '');
  await page.addInitScript((kept) => sessionStorage.setItem('waypoint-preview-token', kept), token);
  await page.goto(`${app.server.url}#/legal/provisions/cets-197%23art-13`);
  await unlock(page);
  await expect(heading(page, 'Article 13: Recovery and reflection period')).toBeVisible();
  await page.getByRole('link', { name: 'Back' }).click();
  await expect(heading(page, 'Council of Europe Anti-Trafficking Convention (CETS No. 197)')).toBeVisible();
});

test('a topic shows the matching provisions of each instrument', async ({ page }) => {
  await openLegal(page);
  await page.getByRole('link', { name: 'Non-punishment', exact: true }).click();
  await expect(heading(page, 'Non-punishment')).toBeVisible();
  await expectLegalNote(page);
  const groups = page.getByRole('region');
  await expect(
    groups
      .filter({ has: page.getByRole('heading', { level: 2, name: 'Council of Europe Anti-Trafficking Convention (CETS No. 197)' }) })
      .getByRole('link', { name: 'Article 26: Non-punishment' }),
  ).toBeVisible();
  expect(await page.getByRole('heading', { level: 2 }).count()).toBeGreaterThan(1);
  // Judgments on the topic are listed too, whichever court gave them.
  const judgments = page.getByRole('region', { name: 'Judgments on this topic' });
  await expect(judgments.getByRole('link', { name: 'R v L and others (L, HVN, THN and T v R)' })).toBeVisible();
  await expect(judgments.getByRole('link', { name: 'V.C.L. and A.N. v. the United Kingdom' })).toBeVisible();
});

test('country profiles: treaties, national law, referral and hotlines', async ({ page }) => {
  await openLegal(page);
  await page.getByRole('searchbox', { name: 'Find a country' }).fill('united');
  await expect(page.getByRole('status').filter({ hasText: 'Countries shown: 3' })).toBeVisible();
  await page.getByRole('link', { name: 'United Kingdom', exact: true }).click();

  await expect(heading(page, 'United Kingdom')).toBeVisible();
  await expectLegalNote(page);
  const treaties = page.getByRole('table', { name: 'Instruments that apply' });
  await expect(treaties.getByRole('row', { name: /UN Trafficking in Persons Protocol.*Party.*Ratified: February 9, 2006/ })).toBeVisible();
  await expect(page.getByRole('region', { name: 'National law' }).getByRole('link', { name: 'Modern Slavery Act 2015 (c. 30)' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'National referral mechanism' })).toContainText('National Referral Mechanism (NRM)');
  const hotlines = page.getByRole('region', { name: 'Hotlines' });
  await expect(hotlines.getByRole('link', { name: '08000 121 700' })).toHaveAttribute('href', 'tel:08000121700');
  await expect(hotlines.getByRole('link', { name: 'Show United Kingdom in the directory' })).toHaveAttribute('href', '#/directory?country=GB');

  await page.getByRole('link', { name: 'All legal references' }).click();
  await page.getByRole('link', { name: 'United States', exact: true }).click();
  await expect(heading(page, 'United States')).toBeVisible();
  await expect(page.getByRole('table', { name: 'Instruments that apply' }).getByRole('row', { name: /ILO Forced Labour Convention \(C29\).*Not a party/ })).toBeVisible();
  await expect(page.getByRole('region', { name: 'National referral mechanism' })).toContainText('No national referral mechanism is recorded here');
  await expect(page.getByRole('region', { name: 'Hotlines' }).getByRole('link', { name: '1-888-373-7888' })).toHaveAttribute('href', 'tel:18883737888');
});

test('both explainers read as pages whose citations open the provisions', async ({ page }) => {
  await openLegal(page);
  await page.getByRole('link', { name: 'What makes something trafficking: act, means and purpose' }).click();
  await expect(heading(page, 'What makes something trafficking: act, means and purpose')).toBeVisible();
  await expectLegalNote(page);
  await expect(page.getByRole('heading', { level: 2, name: 'Three elements' })).toBeVisible();

  await page.getByRole('link', { name: 'All legal references' }).click();
  await page.getByRole('link', { name: 'Trafficking and smuggling: how they differ' }).click();
  await expect(heading(page, 'Trafficking and smuggling: how they differ')).toBeVisible();
  await expectLegalNote(page);
  await page.getByRole('list', { name: 'Provisions cited in this section:' }).first().getByRole('link').first().click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Article');
  await expect(page.getByRole('link', { name: 'Back' })).toBeVisible();
});

test('search finds provisions and judgments offline and announces the count', async ({ page, app }) => {
  await openLegal(page);
  const search = page.getByRole('searchbox', { name: 'Search laws, articles and judgments' });
  const count = page.getByRole('status').filter({ hasText: /^Results: \d+$/ });

  const before = app.requests.length;
  await search.fill('reflection');
  await expect(count).toBeVisible();
  const results = page.getByRole('list', { name: 'Search results' });
  await expect(results.getByRole('link', { name: 'Council of Europe Anti-Trafficking Convention (CETS No. 197), Article 13: Recovery and reflection period' })).toBeVisible();
  await expect(count).toHaveText(`Results: ${await results.getByRole('listitem').count()}`);

  await search.fill('Rantsev');
  await expect(count).toHaveText('Results: 1');
  await results.getByRole('link', { name: 'Rantsev v. Cyprus and Russia' }).click();
  await expect(heading(page, 'Rantsev v. Cyprus and Russia')).toBeVisible();
  await expectLegalNote(page);

  await page.getByRole('link', { name: 'All legal references' }).click();
  await expect(search).toHaveValue('Rantsev');
  await search.fill('zzzz');
  await expect(page.getByRole('status').filter({ hasText: 'No results' })).toBeVisible();
  expect(app.requests.slice(before).filter((url) => !url.startsWith(app.server.url))).toEqual([]);
});

test('filters start at the home country from settings', async ({ page }) => {
  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByRole('combobox', { name: 'Home country' }).fill('United Kingdom');
  await page.getByRole('option', { name: 'United Kingdom', exact: true }).click();
  await expect(page.getByText('Settings saved')).toBeVisible();

  await openLegal(page);
  await expect(page.getByRole('combobox', { name: 'Applies to country' })).toHaveValue('United Kingdom');
  await expect(page.getByRole('status').filter({ hasText: 'Laws and treaties recorded for United Kingdom: 9' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'UK Modern Slavery Act 2015' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'US Trafficking Victims Protection Act of 2000 (TVPA)' })).toHaveCount(0);

  await chooseOption(page, 'Scope', 'National');
  await expect(page.getByRole('status').filter({ hasText: 'Laws and treaties recorded for United Kingdom: 1' })).toBeVisible();
});

const legalPages = [
  '#/legal',
  '#/legal/instruments/palermo-tip-protocol',
  '#/legal/provisions/cets-197%23art-13',
  '#/legal/judgments/rantsev-v-cyprus-and-russia',
  '#/legal/topics/definition',
  '#/legal/countries/GB',
  '#/legal/explainers/definition',
  '#/legal/explainers/trafficking-vs-smuggling',
];

// Axe on these pages, in every language, is in languages.spec.ts.
test('every legal page carries the note', async ({ page }) => {
  for (const hash of legalPages) {
    await followLink(page, hash);
    await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
    await expect(page.getByRole('note')).toBeVisible();
    if (hash.includes('/countries/')) await expect(page.getByRole('link', { name: /tel|08000/ }).first()).toBeVisible();
    if (hash.includes('/provisions/')) await expect(page.locator('section[aria-labelledby="provision-checklists"] li').first()).toBeVisible();
  }
});

test('a judgment of a court other than the ECtHR names its court, its case numbers and no respondent States', async ({ page }) => {
  await openLegal(page);
  await followLink(page, '#/legal/judgments/r-v-l-2013-ewca-crim-991');
  await expect(heading(page, 'R v L and others (L, HVN, THN and T v R)')).toBeVisible();
  await expect(page.getByText(/^Court of Appeal of England and Wales \(Criminal Division\) ·/)).toBeVisible();
  const facts = page.getByRole('table', { name: 'About the judgment' });
  await expect(facts.getByRole('rowheader', { name: 'Case numbers' })).toBeVisible();
  await expect(facts.getByRole('rowheader', { name: 'Respondent states' })).toHaveCount(0);
  await expect(facts.getByRole('link', { name: 'Council of Europe Anti-Trafficking Convention (CETS No. 197), Article 26' })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('judgment-r-v-l.png'), fullPage: true });

  // An ECtHR judgment keeps its application numbers and respondent States.
  await followLink(page, '#/legal/judgments/sm-v-croatia');
  await expect(page.getByText(/^European Court of Human Rights ·/)).toBeVisible();
  await expect(facts.getByRole('rowheader', { name: 'Application numbers' })).toBeVisible();
  await expect(facts.getByRole('row', { name: /Respondent states/ })).toContainText('Croatia');
  await expectLegalNote(page);
});
