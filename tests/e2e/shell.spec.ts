import { test, expect } from './fixtures';

test('screenshot', async ({ page }) => {
  await expect(page.getByRole('heading', { level: 1, name: 'Directory' })).toBeVisible();
  await page.screenshot({ path: '/tmp/shell.png' });
  await page.getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  await page.screenshot({ path: '/tmp/settings.png' });
});
