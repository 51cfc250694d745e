import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { createVault } from './vault-steps';

/**
 * The main tasks with the keyboard alone: after the vault is made, no click. At each step the test
 * checks where focus is and that it can be seen.
 */

/**
 * Fails unless the focused element shows a focus indicator: an outline or a box shadow on it, or on the
 * box of the field it is typed into (a password field's input sits inside the box that shows focus).
 */
async function expectVisibleFocus(page: Page) {
  const focused = await page.evaluate(() => {
    const element = document.activeElement;
    if (!element || element === document.body) return { element: 'nothing', visible: false };
    const ringed = (candidate: Element) => {
      const style = getComputedStyle(candidate);
      return (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none';
    };
    const box = element.closest('.mantine-Input-input');
    return { element: element.outerHTML.slice(0, 160), visible: ringed(element) || (box !== null && ringed(box)) };
  });
  expect(focused.visible, `a visible focus indicator on ${focused.element}`).toBe(true);
}

/** Presses a key (Tab by default) until the target has focus, then checks focus is visible. */
async function press(page: Page, target: Locator, { key = 'Tab', most = 60 } = {}) {
  for (let presses = 0; presses < most; presses++) {
    if (await target.evaluate((element) => element === document.activeElement, undefined, { timeout: 2_000 }).catch(() => false)) break;
    await page.keyboard.press(key);
  }
  await expect(target).toBeFocused();
  await expectVisibleFocus(page);
}

const heading = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name });
const sections = (page: Page) => page.getByRole('navigation', { name: 'Sections' });

test('create a case, run a checklist, search the directory and lock, with the keyboard alone', async ({ page }) => {
  test.setTimeout(120_000);
  await createVault(page);
  await expect(heading(page, 'Directory')).toBeFocused();

  // To Cases: back from the page's heading into the navigation.
  await press(page, sections(page).getByRole('link', { name: 'Cases' }), { key: 'Shift+Tab', most: 10 });
  await page.keyboard.press('Enter');
  await expect(heading(page, 'Cases')).toBeFocused();

  // A new case.
  await press(page, page.getByRole('link', { name: 'New case' }).first(), { most: 10 });
  await page.keyboard.press('Enter');
  await expect(heading(page, 'New case')).toBeFocused();
  await press(page, page.getByRole('textbox', { name: 'Alias' }), { most: 5 });
  await page.keyboard.type('Rana');
  await press(page, page.getByRole('textbox', { name: 'Assigned caseworker' }), { most: 5 });
  await page.keyboard.type('Caseworker K');
  await press(page, page.getByRole('checkbox', { name: 'The person agrees that we keep this record' }));
  await page.keyboard.press('Space');
  await expect(page.getByRole('checkbox', { name: 'The person agrees that we keep this record' })).toBeChecked();
  await press(page, page.getByRole('button', { name: 'Create case' }), { most: 10 });
  await page.keyboard.press('Enter');
  const caseHeading = heading(page, /^WP-\d{4}-\d{4}$/);
  await expect(caseHeading).toBeFocused();
  await expect(page.getByText('Alias: Rana')).toBeVisible();

  // A note: focus comes back to the emptied box (the button is disabled now), and the page says it was added.
  const newNote = page.getByRole('textbox', { name: 'New note' });
  await press(page, newNote, { most: 15 });
  await page.keyboard.type('Met at the drop-in centre.');
  await press(page, page.getByRole('button', { name: 'Add note' }), { most: 3 });
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Note added.' })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Notes, newest first' })).toContainText('Met at the drop-in centre.');
  await expect(newNote).toBeFocused();
  await expectVisibleFocus(page);

  // The checklists tab: back to the selected tab, then an arrow key moves to the next.
  await press(page, page.getByRole('tab', { name: 'Notes' }), { key: 'Shift+Tab', most: 5 });
  await page.keyboard.press('ArrowRight');
  const checklistsTab = page.getByRole('tab', { name: 'Checklists' });
  await expect(checklistsTab).toBeFocused();
  await expect(checklistsTab).toHaveAttribute('aria-selected', 'true');
  await expectVisibleFocus(page);

  // Start a checklist in the dialog.
  await press(page, page.getByRole('button', { name: 'Start a checklist' }), { most: 5 });
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Start a checklist' });
  await expect(dialog).toBeVisible();
  await expect(dialog.locator(':focus')).toHaveCount(1); // focus moved into the dialog
  // Tab to the first template, then arrow keys move through them, choosing each on the way.
  await press(page, dialog.getByRole('radio').first(), { most: 10 });
  const screening = dialog.getByRole('radio', { name: /^Initial screening: the three elements/ });
  await press(page, screening, { key: 'ArrowDown', most: 12 });
  await expect(screening).toBeChecked();
  await press(page, dialog.getByRole('button', { name: 'Start', exact: true }), { most: 15 });
  await page.keyboard.press('Enter');
  await expect(dialog).toHaveCount(0);
  const title = page.getByRole('heading', { level: 3, name: 'Initial screening: the three elements' });
  await expect(title).toBeFocused();

  // Two answers: Tab to a question's first choice and Space to choose it, or an arrow key to move to another.
  const safe = page.getByRole('radiogroup', { name: /^Is it safe and private to talk now\?/ });
  await press(page, safe.getByRole('radio', { name: 'Yes' }), { most: 20 });
  await page.keyboard.press('Space');
  await expect(safe.getByRole('radio', { name: 'Yes' })).toBeChecked();
  const language = page.getByRole('radiogroup', { name: /^Language support for this conversation/ });
  await press(page, language.getByRole('radio').first(), { most: 20 });
  await page.keyboard.press('ArrowDown');
  const interpreter = language.getByRole('radio', { name: 'Independent interpreter' });
  await expect(interpreter).toBeChecked();
  await expect(interpreter).toBeFocused();
  await expectVisibleFocus(page);
  await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
  await expect(page.getByText(/^2 of \d+ questions answered$/).first()).toBeVisible();

  // To the directory: back through the page to the navigation.
  await press(page, sections(page).getByRole('link', { name: 'Directory' }), { key: 'Shift+Tab', most: 80 });
  await page.keyboard.press('Enter');
  await expect(heading(page, 'Directory')).toBeFocused();
  await press(page, page.getByRole('searchbox', { name: 'Search the directory' }), { most: 10 });
  await page.keyboard.type('modern slavery helpline');
  await expect(page.getByRole('status').filter({ hasText: /^Results: \d+$/ })).not.toHaveText('Results: 0');
  const result = page.locator('section[aria-labelledby="results-heading"]').getByRole('link').first();
  const name = (await result.textContent())!;
  await press(page, result, { most: 60 });
  await page.keyboard.press('Enter');
  await expect(heading(page, name)).toBeFocused();

  // Lock: the header comes before the navigation.
  await press(page, page.getByRole('banner').getByRole('button', { name: 'Lock' }), { key: 'Shift+Tab', most: 15 });
  await page.keyboard.press('Enter');
  await expect(heading(page, 'Waypoint is locked')).toBeVisible();
  await expect(page.getByLabel('Passphrase')).toBeFocused();
  await expectVisibleFocus(page);
});

// The first test walks the first run itself; this one starts from the worker's prepared vault.
test.describe(() => {
  test.use({ vault: 'prepared' });

  test('in a small window the folded navigation is out of the Tab order, and the menu button opens it', async ({ page }) => {
    await page.setViewportSize({ width: 720, height: 800 });
    const menu = page.getByRole('button', { name: 'Open navigation' });
    await press(page, menu, { key: 'Shift+Tab', most: 5 });
    await expect(menu).toHaveAttribute('aria-expanded', 'false');
    // Forward from the menu button: the header's buttons, then straight into the page.
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: 'Lock' })).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: 'Quick exit' })).toBeFocused();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.querySelector('main')?.contains(document.activeElement)), 'focus moves on into the page').toBe(true);
    await expectVisibleFocus(page);

    await press(page, menu, { key: 'Shift+Tab', most: 5 });
    await page.keyboard.press('Enter');
    const close = page.getByRole('button', { name: 'Close navigation' });
    await expect(close).toHaveAttribute('aria-expanded', 'true');
    await press(page, sections(page).getByRole('link', { name: 'Cases' }), { most: 8 });
    await page.keyboard.press('Enter');
    await expect(heading(page, 'Cases')).toBeFocused();
    await expect(page.getByRole('button', { name: 'Open navigation' })).toHaveAttribute('aria-expanded', 'false');
  });
});
