import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/** Moderate findings we fixed and keep fixed: landmarks are how screen reader users move around a page. */
const alsoFailing = new Set(['landmark-no-duplicate-banner', 'landmark-unique']);

/** Fails with the list of serious or critical accessibility violations (and those above) on the page as it is now. */
export async function expectNoSeriousAxeViolations(page: Page, label: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  const serious = results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical' || alsoFailing.has(violation.id))
    .map((violation) => `${violation.id} (${violation.impact}): ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
  expect(serious, `axe on ${label}`).toEqual([]);
}
