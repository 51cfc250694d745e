import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/** Moderate findings we fixed and keep fixed: landmarks are how screen reader users move around a page. */
const alsoFailing = new Set(['landmark-no-duplicate-banner', 'landmark-unique']);

/** Fails with the list of serious or critical accessibility violations (and those above) on the page as it is now. */
export async function expectNoSeriousAxeViolations(page: Page, label: string): Promise<void> {
  // Legacy mode runs axe.run in the page itself. The default mode checks frame by frame and merges the
  // results in a blank page it opens for every check, which took about twice as long here; the app can
  // have no frames (its CSP's default-src 'none' covers frame-src), so the rules and results are the same.
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).setLegacyMode().analyze();
  const serious = results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical' || alsoFailing.has(violation.id))
    .map((violation) => `${violation.id} (${violation.impact}): ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
  expect(serious, `axe on ${label}`).toEqual([]);
}
