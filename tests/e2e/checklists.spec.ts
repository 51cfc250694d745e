import { execFileSync } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expectNoSeriousAxeViolations } from './axe';
import { expect, test } from './fixtures';
import { PASSPHRASE, unlock } from './vault-steps';

const screeningTitle = 'Initial screening: the three elements';

async function goTo(page: Page, hash: string) {
  await page.evaluate((target) => {
    window.location.hash = target;
  }, hash);
}

/** Creates a case through the cases screens and stays on it. */
async function createCase(page: Page) {
  await goTo(page, '#/cases/new');
  await page.getByRole('button', { name: 'Create case' }).click();
  await expect(page.getByRole('tab', { name: 'Checklists' })).toBeVisible();
}

async function startScreening(page: Page) {
  await page.getByRole('tab', { name: 'Checklists' }).click();
  await page.getByRole('button', { name: 'Start a checklist' }).click();
  const dialog = page.getByRole('dialog', { name: 'Start a checklist' });
  await dialog.getByRole('radio', { name: new RegExp(`^${screeningTitle}`) }).click();
  await dialog.getByRole('button', { name: 'Start', exact: true }).click();
  await expect(page.getByRole('heading', { level: 3, name: screeningTitle })).toBeVisible();
}

const question = (page: Page, label: string | RegExp) => page.getByRole('radiogroup', { name: label });
const savedStatus = (page: Page) => page.getByRole('status').filter({ hasText: 'Saved' });

test.use({ vault: 'prepared' });

test('fills in the initial screening in any order, sees the summary, and finds the answers after a reload', async ({ page }) => {
  await createCase(page);
  await startScreening(page);
  await expect(page.getByText(/^0 of \d+ questions answered$/).first()).toBeVisible();

  // Questions about what happened appear only once the person agrees to talk.
  await expect(question(page, /^Did someone recruit, move/)).toHaveCount(0);
  await question(page, /^Does the person agree to talk with you/)
    .getByRole('radio', { name: 'Yes' })
    .check();
  // A later question first: its follow-up appears once it is answered "yes".
  await question(page, /^Did someone recruit, move/)
    .getByRole('radio', { name: 'Yes' })
    .check();
  await page
    .getByRole('group', { name: 'Which of these happened?' })
    .getByRole('checkbox', { name: /^Recruitment/ })
    .check();
  await question(page, /^Is it safe and private to talk now\?/)
    .getByRole('radio', { name: 'Yes' })
    .check();
  await expect(page.getByText(/^4 of \d+ questions answered$/).first()).toBeVisible();
  await expect(page.getByRole('progressbar', { name: /^4 of \d+ questions answered$/ })).toBeVisible();
  await page.getByRole('button', { name: 'Add a note' }).first().click();
  await page.getByRole('textbox', { name: 'Note' }).fill('Spoke in a private room at the drop-in centre.');
  await expect(savedStatus(page)).toBeVisible();
  await expectNoSeriousAxeViolations(page, 'checklist runner');

  await page.getByRole('tab', { name: 'Screening summary' }).click();
  const summary = page.getByRole('region', { name: 'Screening summary' });
  await expect(summary.getByRole('note', { name: 'About this summary' })).toContainText('never labels a person');
  await expect(summary.getByRole('region', { name: 'Act' })).toContainText('The answers recorded support the act element.');
  await expect(summary.getByRole('region', { name: 'Act' })).toContainText('Which of these happened?: Recruitment');
  await expect(summary.getByRole('region', { name: 'Means' })).toContainText('No supporting answer recorded');
  await expect(summary).toContainText('Indicators present in the answers: 0 of 11');
  await expectNoSeriousAxeViolations(page, 'screening summary');

  // Under 18: the means are no longer required.
  await page.getByRole('tab', { name: 'Checklists' }).click();
  await page.getByRole('button', { name: `Open ${screeningTitle}` }).click();
  await question(page, /^Is the person under 18/)
    .getByRole('radio', { name: 'Yes' })
    .check();
  await expect(page.getByRole('checkbox', { name: /^Child protection procedures/ })).toBeVisible();
  await expect(savedStatus(page)).toBeVisible();
  await page.getByRole('tab', { name: 'Screening summary' }).click();
  await expect(summary.getByRole('note').filter({ hasText: 'Child rule applies' })).toContainText('An answer says the person is, or may be, under 18');
  await expect(summary.getByRole('region', { name: 'Means' })).toContainText('Not required here');

  const caseUrl = page.url();
  await page.reload();
  await unlock(page);
  await page.goto(caseUrl);
  await page.getByRole('tab', { name: 'Checklists' }).click();
  await expect(page.getByText(/^5 of \d+ questions answered$/)).toBeVisible();
  await page.getByRole('button', { name: `Open ${screeningTitle}` }).click();
  await expect(question(page, /^Did someone recruit, move/).getByRole('radio', { name: 'Yes' })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: /^Recruitment/ })).toBeChecked();
  await expect(question(page, /^Is the person under 18/).getByRole('radio', { name: 'Yes' })).toBeChecked();
  await expect(page.getByRole('textbox', { name: 'Note' })).toHaveValue('Spoke in a private room at the drop-in centre.');

  // Completed checklists are kept as they are until reopened.
  await page.getByRole('button', { name: 'Mark as completed' }).click();
  await expect(question(page, /^Is the person under 18/).getByRole('radio', { name: 'No', exact: true })).toBeDisabled();
  await page.getByRole('button', { name: 'Reopen to change answers' }).click();
  await expect(question(page, /^Is the person under 18/).getByRole('radio', { name: 'No', exact: true })).toBeEnabled();
});

test('a legal reference on an item opens the provision page', async ({ page }) => {
  await createCase(page);
  await startScreening(page);
  await question(page, /^Does the person agree to talk with you/)
    .getByRole('radio', { name: 'Yes' })
    .check();
  await page.getByRole('link', { name: 'Article 3(a), UN Trafficking in Persons Protocol (Palermo Protocol)' }).first().click();
  await expect(page).toHaveURL(/#\/legal\/provisions\/palermo-tip-protocol%23art-3a$/);
  await expect(page.getByRole('heading', { level: 1, name: /^Article 3\(a\)/ })).toBeVisible();
});

test('templates: duplicate and edit, export, refuse a malformed file, import a valid one', async ({ app, page }) => {
  await goTo(page, '#/cases/templates');
  await expect(page.getByRole('heading', { level: 1, name: 'Checklist templates' })).toBeVisible();
  const rows = page.getByRole('table', { name: 'Checklist templates' }).getByRole('row');
  await expect(rows.filter({ hasText: screeningTitle })).toBeVisible();
  const shippedRows = await rows.count();
  await expectNoSeriousAxeViolations(page, 'checklist templates');

  await page.getByRole('button', { name: `Preview ${screeningTitle}` }).click();
  await expect(page.getByRole('dialog', { name: 'Template preview' }).getByRole('heading', { name: 'Age' })).toBeVisible();
  await page.keyboard.press('Escape');

  await page.getByRole('button', { name: `Duplicate ${screeningTitle}` }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'New custom template' })).toBeVisible();
  await page.getByRole('textbox', { name: /^Title/ }).fill('Screening for our drop-in centre');
  const firstSection = page.getByRole('group', { name: 'Section 1' });
  await firstSection.getByRole('button', { name: 'Move question 2 up' }).click();
  await expect(firstSection.getByRole('group', { name: 'Question 1' }).getByRole('textbox', { name: /^Question/ })).toHaveValue(/^Is it safe and private to talk now/);
  await firstSection.getByRole('button', { name: 'Add a question' }).click();
  await page.getByRole('button', { name: 'Save template' }).click();
  // The new question has no text yet: nothing is saved, and the field says why.
  await expect(page.getByText('The template was not saved: problems found: 1')).toBeVisible();
  const newQuestion = firstSection.getByRole('group', { name: 'Question 3' });
  await expect(newQuestion.getByText('This field is required.')).toBeVisible();
  await newQuestion.getByRole('textbox', { name: /^Question/ }).fill('Was a snack and a drink offered?');
  await page.getByRole('button', { name: 'Save template' }).click();
  await expect(page.getByText('"Screening for our drop-in centre" was saved.')).toBeVisible();
  await expect(rows).toHaveCount(shippedRows + 1);

  await page.getByRole('button', { name: 'Export Screening for our drop-in centre' }).click();
  await expect(page.getByText(/^Template exported to /)).toBeVisible();
  const exportsFolder = join(app.dataFolder, 'exports');
  const [exported] = await readdir(exportsFolder);
  const template = JSON.parse(await readFile(join(exportsFolder, exported!), 'utf8')) as Record<string, unknown> & { sections: Array<{ items: Array<Record<string, unknown>> }> };
  expect(template.title).toBe('Screening for our drop-in centre');
  expect(template.sections[0]!.items[2]!.label).toBe('Was a snack and a drink offered?');

  const fileInput = page.locator('input[type="file"]');
  const malformed = structuredClone(template);
  malformed.sections[0]!.items[0]!.kind = 'essay';
  await fileInput.setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(malformed)) });
  const refused = page.getByRole('alert').filter({ hasText: '"broken.json" was not imported' });
  await expect(refused).toContainText('Nothing was changed.');
  await expect(refused).toContainText('sections[0].items[0].kind');
  await expect(rows).toHaveCount(shippedRows + 1);

  const valid = { ...template, id: 'drop-in-screening', title: 'Drop-in screening from a colleague' };
  await fileInput.setInputFiles({ name: 'colleague.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(valid)) });
  await expect(page.getByText('"Drop-in screening from a colleague" was imported and added to your templates.')).toBeVisible();
  await expect(rows).toHaveCount(shippedRows + 2);
  await expect(page.getByRole('row', { name: /Drop-in screening from a colleague/ })).toContainText('Custom');
});

test('a checklist answered in Spanish prints in Arabic for the person, with the answers kept', async ({ app, page }) => {
  const spanish = JSON.parse(await readFile(join('resources/checklists/es/safety-plan.json'), 'utf8')) as { title: string };
  await createCase(page);
  await page.getByRole('tab', { name: 'Checklists' }).click();
  await page.getByRole('button', { name: 'Start a checklist' }).click();
  const dialog = page.getByRole('dialog', { name: 'Start a checklist' });
  await dialog.getByRole('combobox', { name: 'Language of the checklist' }).click();
  await page.getByRole('option', { name: 'Spanish' }).click();
  await dialog.getByRole('radio', { name: new RegExp(`^${spanish.title}`) }).click();
  await dialog.getByRole('button', { name: 'Start', exact: true }).click();
  await expect(page.getByRole('heading', { level: 3, name: spanish.title })).toBeVisible();
  await page.getByRole('checkbox', { name: /^Se ha acordado una palabra clave/ }).check();
  await expect(savedStatus(page)).toBeVisible();

  await page.getByRole('tabpanel', { name: 'Checklists' }).getByRole('button', { name: 'Export as PDF' }).click();
  const exportDialog = page.getByRole('dialog', { name: 'Export as PDF' });
  await exportDialog.getByRole('combobox', { name: 'Language of the document' }).click();
  await page.getByRole('option', { name: 'العربية' }).click();
  await exportDialog.getByLabel('Your vault passphrase').fill(PASSPHRASE); // the document carries the answers
  await exportDialog.getByRole('button', { name: 'Choose where to save…' }).click();
  const saved = (await exportDialog.getByText(/^Saved: /).textContent({ timeout: 30_000 }))!.replace(/^Saved: /, '').trim();
  const pdf = execFileSync('pdftotext', ['-layout', saved, '-'], { encoding: 'utf8' });
  // pdftotext splits the lam-alef ligature, so the checks use words without it: the Arabic label
  // for the case code, and the Arabic wording of the question answered in Spanish.
  expect(pdf).toContain('رمز الحالة');
  expect(pdf).toContain('كلمة سر أو إشارة');
  expect(pdf).not.toContain('Se ha acordado');
  expect(pdf).not.toContain(spanish.title);
  expect(saved.startsWith(app.dataFolder)).toBe(true);
});
