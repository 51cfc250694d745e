// @vitest-environment happy-dom
import { MantineProvider } from '@mantine/core';
import { render, screen, waitFor } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it, vi } from 'vitest';
import type { AgendaItem } from '@shared/followups';
import { theme } from '@renderer/app/theme';
import type { SummaryReadOptions, WaypointStore } from '@renderer/db';
import DueBanner from '@renderer/features/followups/DueBanner';
import { VaultContext } from '@renderer/features/vault/VaultContext';
import followupsEn from '@renderer/features/followups/locales/en.json';
import { englishTexts } from '../ui/render';
import { followUp } from './fixtures';

vi.mock('@renderer/app/SettingsProvider', () => ({ useSettings: () => ({ settings: { systemNotifications: false } }) }));
const preloadSectionAt = vi.hoisted(() => vi.fn());
vi.mock('@renderer/app/sections', () => ({ preloadSectionAt }));
// happy-dom has no idle callbacks: run them at once.
vi.stubGlobal('requestIdleCallback', (run: () => void) => setTimeout(run, 0));

const overdue = (id: string): AgendaItem => ({ ...followUp({ id, due: { date: '2020-01-01', time: null, zone: null } }) });

/** A store whose summary reads answer `reads` in turn, each with the options it was asked with. */
function storeAnswering(reads: { items: AgendaItem[]; rebuilt: boolean }[]) {
  const asked: SummaryReadOptions[] = [];
  const readSummary = vi.fn(async (_spec: unknown, options: SummaryReadOptions = {}) => {
    const { items, rebuilt } = reads[Math.min(asked.push(options) - 1, reads.length - 1)]!;
    return { ids: items.map((item) => item.id), entries: items, unreadable: [], rebuilt };
  });
  return { store: { readSummary } as unknown as WaypointStore, asked };
}

async function renderBanner(store: WaypointStore) {
  const i18n = await englishTexts();
  i18n.addResourceBundle('en', 'followups', followupsEn);
  return render(
    <I18nextProvider i18n={i18n}>
      <MantineProvider theme={theme} env="test">
        <VaultContext.Provider value={{ store, lock: () => {}, quickExit: () => {} }}>
          <DueBanner />
        </VaultContext.Provider>
      </MantineProvider>
    </I18nextProvider>,
  );
}

describe('the unlock banner', () => {
  it('counts from the summary read unchecked, then counts again when the checked read had to make it anew', async () => {
    const { store, asked } = storeAnswering([
      { items: [overdue('f1')], rebuilt: false },
      { items: [overdue('f1'), overdue('f2')], rebuilt: true },
    ]);
    await renderBanner(store);
    await waitFor(() => expect(screen.getByTestId('due-banner').textContent).toContain('2 overdue'));
    expect(asked.slice(0, 2)).toEqual([{ unchecked: true }, {}]);
    // Meanwhile, when idle, the agenda's code is loaded (and its buckets built) for its first opening.
    await waitFor(() => expect(preloadSectionAt).toHaveBeenCalledWith('#/agenda'));
  });

  it('keeps its counts when the checked read finds the summary as it was', async () => {
    const { store, asked } = storeAnswering([
      { items: [overdue('f1')], rebuilt: false },
      { items: [overdue('f1'), overdue('f2')], rebuilt: false }, // not made again: the same summary, not counted twice
    ]);
    await renderBanner(store);
    await waitFor(() => expect(asked.length).toBe(2));
    expect(screen.getByTestId('due-banner').textContent).toContain('1 overdue');
  });
});
