// @vitest-environment happy-dom
import { cleanup, fireEvent, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { LoadState } from '@renderer/components/LoadState';
import type { Loaded } from '@renderer/components/use-loaded';
import { renderInApp } from './render';

const texts = { loadingLabel: 'Loading the checklists', failedTitle: 'The checklists could not be opened' };

describe('LoadState', () => {
  it('names its spinner while loading, and shows nothing of the value', async () => {
    await renderInApp(
      <LoadState state={{ status: 'loading' }} onRetry={vi.fn()} {...texts}>
        {() => 'the value'}
      </LoadState>,
    );
    expect(screen.getByRole('status', { name: 'Loading the checklists' })).toBeTruthy();
    expect(screen.queryByText('the value')).toBeNull();
  });

  it('says what failed, with a retry, and the feature’s own text where it gives one', async () => {
    const onRetry = vi.fn();
    await renderInApp(<LoadState state={{ status: 'error' }} onRetry={onRetry} {...texts} failedBody="A restart reads the shipped data again." />);
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('The checklists could not be opened');
    expect(alert.textContent).toContain('A restart reads the shipped data again.');
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(onRetry).toHaveBeenCalledTimes(1);
  });

  it('shows the value once read, and nothing without children', async () => {
    const ready: Loaded<string[]> = { status: 'ready', value: ['a', 'b'] };
    await renderInApp(
      <LoadState state={ready} onRetry={vi.fn()} {...texts}>
        {(value) => <p>{value.join(' and ')}</p>}
      </LoadState>,
    );
    expect(screen.getByText('a and b')).toBeTruthy();
    expect(screen.queryByRole('status')).toBeNull();
    cleanup();
    await renderInApp(<LoadState state={ready} onRetry={vi.fn()} {...texts} />);
    expect(screen.queryByText('a and b')).toBeNull();
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
