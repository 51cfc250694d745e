import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { agendaBuckets, agendaByKind, agendaItemOf, buildAgenda } from '@shared/followups';
import { agendaViews, drawnRows, type AgendaView } from '@renderer/features/followups/drawn-rows';
import { followUpsForBench } from '../../../bench/followups/generate';

describe('the agenda’s drawn rows', () => {
  const items = followUpsForBench(4_000).map(agendaItemOf);
  const agenda = buildAgenda(items, Date.parse('2026-06-01T10:00:00Z'), 'Europe/Madrid');
  const byKind = agendaByKind(agenda);

  it('are, for every view, exactly its first rows, in the bucket’s order, each drawn once', () => {
    for (const [limits, note] of [
      [(view: AgendaView) => (view === 'checkIn' ? 60 : 10), 'Show more on one kind'],
      [() => 10, 'first rows of every view'],
      [(view: AgendaView) => (view === 'all' ? 10 : 0), 'the first screen: all kinds only'],
      [() => 1_000_000, 'more than there are'],
    ] as const) {
      for (const bucket of agendaBuckets) {
        const rows = drawnRows(agenda[bucket], limits);
        const ids = rows.map((row) => row.entry.followUp.id);
        expect(new Set(ids).size, note).toBe(ids.length);
        // In the bucket's order: a subsequence of it.
        const order = new Map(agenda[bucket].map((entry, at) => [entry.followUp.id, at]));
        expect(
          ids.map((id) => order.get(id)!),
          note,
        ).toEqual(ids.map((id) => order.get(id)!).sort((a, b) => a - b));
        for (const view of agendaViews) {
          const expected = (view === 'all' ? agenda : byKind[view])[bucket].slice(0, limits(view)).map((entry) => entry.followUp.id);
          const shown = rows.filter((row) => row.views.split(' ').includes(view)).map((row) => row.entry.followUp.id);
          expect(shown, `${note}: ${view}, ${bucket}`).toEqual(expected);
        }
      }
    }
  });

  it('are hidden by the stylesheet for every choice but their own views', () => {
    // A view without its rule would show every row drawn: each choice of the filter must have one.
    const css = readFileSync(resolve(import.meta.dirname, '../../../src/renderer/src/features/followups/agenda.module.css'), 'utf8');
    for (const view of agendaViews) expect(css, view).toContain(`.list[data-shown='${view}'] > li:not([data-in~='${view}'])`);
  });
});
