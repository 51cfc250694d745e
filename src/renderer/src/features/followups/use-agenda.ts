import { useCallback, useEffect, useRef, useState } from 'react';
import type { FollowUp } from '@shared/followups';
import { useVault } from '../vault';
import { useReloaded } from '../../components/use-loaded';
import { readFollowUps } from './data';
import { readAgendaItems } from './summary-read';
import { useFollowUpWrites } from './use-follow-ups';

/**
 * The agenda's items from the agenda summary (one record, not every follow-up), read again after each change
 * saved through `save`.
 */
export function useAgenda() {
  const { store } = useVault();
  // Not checked against the follow-ups before the first screen: AgendaPage checks it against their ids right after.
  const read = useCallback(() => readAgendaItems(store, { unchecked: true }), [store]);
  const { load, reload } = useReloaded(read);
  const { save } = useFollowUpWrites(reload);
  return { load, reload, save };
}

/**
 * The whole records of the follow-ups `ids` names (null: gone or unreadable), read a batch at a time as
 * `ids` grows; once they are all in, those of `later` too (rows likely to be drawn next). A new `generation`
 * (a new read of the agenda) reads them again; the rows read before stay shown meanwhile.
 */
export function useFollowUpRecords(
  ids: readonly string[],
  generation: unknown,
  later: readonly string[] = [],
): { byId: ReadonlyMap<string, FollowUp | null>; complete: boolean; failed: boolean } {
  const { store } = useVault();
  const [records, setRecords] = useState<{ generation: unknown; byId: Map<string, FollowUp | null> }>({ generation: null, byId: new Map() });
  const [failed, setFailed] = useState(false);
  const latest = useRef(records);
  useEffect(() => {
    latest.current = records;
  }, [records]);
  const complete = ids.length === 0 || (records.generation === generation && ids.every((id) => records.byId.has(id)));
  const key = (complete ? [...ids, ...later] : ids).join(' ');
  useEffect(() => {
    const known = latest.current;
    const wanted = key === '' ? [] : [...new Set(key.split(' '))].filter((id) => known.generation !== generation || !known.byId.has(id));
    if (wanted.length === 0) return;
    let current = true;
    readFollowUps(store, wanted).then(
      (read) => {
        if (!current) return;
        setFailed(false);
        setRecords((previous) => ({ generation, byId: new Map([...(previous.generation === generation ? previous.byId : []), ...read]) }));
      },
      () => current && setFailed(true),
    );
    return () => {
      current = false;
    };
  }, [store, key, generation]);
  return { byId: records.byId, complete, failed };
}
