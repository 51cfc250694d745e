import { expectNoSeriousAxeViolations } from './axe';
import { expect, test } from './fixtures';

// The accessibility check every spec relies on still sees the page: a control violation fails it.
test('the accessibility check fails on a button without a name', async ({ page }) => {
  await expect(page.getByRole('heading', { level: 1, name: 'Set up Waypoint' })).toBeVisible();
  await expectNoSeriousAxeViolations(page, 'the first-run screen');
  await page.evaluate(() => document.body.append(document.createElement('button')));
  await expect(expectNoSeriousAxeViolations(page, 'a button without a name')).rejects.toThrow(/button-name \(critical\)/);
});
