// @vitest-environment happy-dom
import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { LoadFailedAlert } from '@renderer/components/LoadFailedAlert';
import en from '@renderer/i18n/locales/en.json';
import { renderInApp } from './render';

describe('LoadFailedAlert', () => {
  it('says what could not be read, that nothing was lost, and reads it again on request', async () => {
    const onRetry = vi.fn();
    await renderInApp(<LoadFailedAlert title="The notes could not be read" onRetry={onRetry} />);
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('The notes could not be read');
    expect(alert.textContent).toContain(en.loadFailed.body);
    expect(en.loadFailed.body).toMatch(/^Nothing was lost/);
    fireEvent.click(screen.getByRole('button', { name: en.loadFailed.retry }));
    expect(onRetry).toHaveBeenCalledTimes(1);
  });

  it('puts a feature’s own text in place of the shared one where it says something else', async () => {
    await renderInApp(<LoadFailedAlert title="This could not be loaded" body="Reinstalling Waypoint restores the data." onRetry={() => {}} />);
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('Reinstalling Waypoint restores the data.');
    expect(alert.textContent).not.toContain(en.loadFailed.body);
  });
});
