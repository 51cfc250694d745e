import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expectNoSeriousAxeViolations } from './axe';
import { expect, test } from './fixtures';
import { unlock } from './vault-steps';

test.use({ vault: 'prepared' });

const agendaSection = (page: Page, name: RegExp) => page.getByRole('region', { name });
const hours = 3_600_000;

/** Lets the days pass: the app locks itself when idle, so the caseworker unlocks again and opens the agenda. */
async function passTime(page: Page, ms: number) {
  await page.clock.fastForward(ms);
  await expect(page.getByRole('heading', { level: 1, name: 'Waypoint is locked' })).toBeVisible();
  await unlock(page);
}

async function openAgenda(page: Page) {
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Agenda' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Agenda' })).toBeVisible();
}

test('a follow-up moves from later to this week to today to overdue; the banner counts it; snooze, done and delete', async ({ app, page }) => {
  // The clock starts before the app's code runs, so "now" is the test's everywhere in the page.
  await page.clock.install({ time: new Date('2026-03-01T10:00:00Z') });
  await page.reload();
  await unlock(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Directory' })).toBeVisible();

  // A case, and a hearing on it on 20 March.
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Cases' }).click();
  await page.getByRole('link', { name: 'New case' }).first().click();
  await page.getByLabel('The person agrees that we keep this record').check();
  await page.getByRole('button', { name: 'Create case' }).click();
  const title = page.getByRole('heading', { level: 1, name: /^WP-\d{4}-\d{4}$/ });
  await expect(title).toBeVisible();
  const code = (await title.textContent())!;
  await page.getByLabel('New note').fill('Court papers received');
  await page.getByRole('button', { name: 'Add note' }).click();
  await expect(page.getByRole('listitem', { name: /^Note of / })).toBeVisible();
  await page.getByRole('tab', { name: 'Follow-ups' }).click();
  await page.getByRole('button', { name: 'Add a follow-up' }).click();
  const dialog = page.getByRole('dialog', { name: 'New follow-up' });
  await dialog.getByLabel('What to do').fill('Hearing at the labour court');
  await dialog.getByLabel('Due date').fill('2026-03-20');
  // Linked to the note: the row names it by its day, never by its text.
  await dialog.getByRole('combobox', { name: 'Linked to' }).click();
  await page.getByRole('option', { name: /^Note written Mar 1, 2026/ }).click();
  await dialog.getByRole('button', { name: 'Save follow-up' }).click();
  const caseList = page.getByRole('list', { name: 'Follow-ups' });
  await expect(caseList.getByText('Due Mar 20, 2026')).toBeVisible();
  await expect(caseList.getByText(/Linked to Note written Mar 1, 2026/)).toBeVisible();
  await expect(page.getByTestId('due-banner')).toHaveCount(0);

  // The agenda names the case by its code, and files the hearing under Later.
  await openAgenda(page);
  await expect(agendaSection(page, /^Later/).getByText('Hearing at the labour court')).toBeVisible();
  await expect(agendaSection(page, /^Later/).getByText(`Case ${code}`, { exact: true })).toBeVisible();
  await expectNoSeriousAxeViolations(page, 'the agenda');
  // A calendar file, neutral by default: "Follow-up", no title or case code, under a neutral name.
  await page.getByRole('button', { name: 'Export to a calendar (.ics)' }).click();
  const calendar = page.getByRole('dialog', { name: 'Export follow-ups to a calendar' });
  await expect(calendar.getByText('The file will not be encrypted')).toBeVisible();
  await calendar.getByRole('button', { name: 'Choose where to save…' }).click();
  await expect(calendar.getByText(/^Saved: /)).toBeVisible();
  await calendar.getByRole('button', { name: 'Close' }).first().click();
  expect(readdirSync(join(app.dataFolder, 'exports'))).toEqual([expect.stringMatching(/^waypoint-calendar-2026-03-01\.ics$/)]);
  const ics = readFileSync(join(app.dataFolder, 'exports', readdirSync(join(app.dataFolder, 'exports'))[0]!), 'utf8');
  expect(ics).toContain('SUMMARY:Follow-up\r\n');
  expect(ics).toContain('DTSTART;VALUE=DATE:20260320');
  for (const secret of ['Hearing', code]) expect(ics).not.toContain(secret);
  // The link opens the case on its note.
  await agendaSection(page, /^Later/)
    .getByRole('link', { name: 'Open the note' })
    .click();
  await expect(page.getByRole('listitem', { name: /^Note of / })).toBeFocused();
  await expect(page.getByText('Court papers received')).toBeVisible();

  await passTime(page, 312 * hours); // 14 March
  await expect(page.getByTestId('due-banner')).toHaveCount(0);
  await openAgenda(page);
  await expect(agendaSection(page, /^This week/).getByText('Hearing at the labour court')).toBeVisible();
  await expect(page.getByTestId('due-banner')).toHaveCount(0);

  await passTime(page, 144 * hours); // 20 March: the banner at unlock counts it, and links to the agenda
  await expect(page.getByTestId('due-banner')).toContainText('1 due today');
  await page.getByTestId('due-banner').getByRole('link', { name: 'Open the agenda' }).click();
  await expect(agendaSection(page, /^Today/).getByText('Hearing at the labour court')).toBeVisible();

  await passTime(page, 24 * hours); // 21 March
  await expect(page.getByTestId('due-banner')).toContainText('1 overdue');
  await openAgenda(page);
  const overdue = agendaSection(page, /^Overdue/);
  await expect(overdue.getByText('Hearing at the labour court')).toBeVisible();

  // Filtering by another kind hides it (drawn, not shown: a choice only changes which rows are shown).
  await page.getByRole('combobox', { name: 'Show' }).click();
  await page.getByRole('option', { name: 'Check-in', exact: true }).click();
  await expect(page.getByText('Hearing at the labour court')).toBeHidden();
  await expect(overdue.getByRole('button', { name: 'Mark done' })).toHaveCount(0);
  await page.getByRole('combobox', { name: 'Show' }).click();
  await page.getByRole('option', { name: 'All kinds', exact: true }).click();

  // Snoozed to 23 March: this week, the due date unchanged.
  await overdue.getByRole('button', { name: 'Snooze' }).click();
  const snooze = page.getByRole('dialog', { name: 'Snooze the reminder' });
  await snooze.getByLabel('Remind me on').fill('2026-03-23');
  await snooze.getByRole('button', { name: 'Snooze' }).click();
  const week = agendaSection(page, /^This week/);
  await expect(week.getByText('Reminder put off to Mar 23, 2026; due Mar 20, 2026')).toBeVisible();
  await expect(page.getByTestId('due-banner')).toHaveCount(0);

  // Done: under Done, and the case opens from the agenda.
  await week.getByRole('button', { name: 'Mark done' }).click();
  await expect(agendaSection(page, /^Done/).getByText('Hearing at the labour court')).toBeVisible();
  await agendaSection(page, /^Done/)
    .getByRole('link', { name: `Open case ${code}` })
    .click();
  await expect(title).toBeVisible();

  // Delete, from the case's tab: asked first, then gone from the case and the agenda.
  await page.getByRole('tab', { name: 'Follow-ups' }).click();
  await caseList.getByRole('button', { name: 'Delete' }).click();
  const deleteDialog = page.getByRole('dialog', { name: 'Delete this follow-up?' });
  await expect(deleteDialog.getByText('“Hearing at the labour court” will be deleted from this device.', { exact: false })).toBeVisible();
  await deleteDialog.getByRole('button', { name: 'Delete follow-up' }).click();
  await expect(deleteDialog).toHaveCount(0);
  await expect(page.getByText('No follow-ups for this case yet.', { exact: false })).toBeVisible();
  await openAgenda(page);
  await expect(page.getByText('Hearing at the labour court')).toHaveCount(0);
});
