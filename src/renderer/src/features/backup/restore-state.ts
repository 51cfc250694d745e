import type { Outcome } from '../../components/use-action';
import type { RestoreMode, RestorePlan } from '../../db/transfer';
import type { OpenedBackup } from './api';

/**
 * The restore section's state, one step at a time: choose a file and type its passphrase, check it
 * (upload, verify, read), compare it with this device (the plan, again at each change of mode), then
 * restore or cancel. A pure reducer, so each step is tested without a page.
 */
export type Status = Outcome | null;

export interface Checked extends OpenedBackup {
  fileName: string;
  /** The newest change among this device's readable records when the backup was checked; null if none. */
  newestLocalChange: number | null;
}

export interface RestoreState {
  file: File | null;
  passphrase: string;
  busy: 'checking' | 'planning' | 'restoring' | null;
  progress: { label: string; percent: number } | null;
  checked: Checked | null;
  mode: RestoreMode;
  plan: RestorePlan | null;
  /** The plan asked for last: an answer to an older request is stale and dropped. */
  planRequest: number;
  withSettings: boolean;
  status: Status;
  restored: boolean;
}

export type RestoreAction =
  | { type: 'fileChosen'; file: File | null }
  | { type: 'passphraseTyped'; passphrase: string }
  | { type: 'checkStarted' }
  | { type: 'progress'; label: string; percent: number }
  | { type: 'checked'; checked: Checked }
  | { type: 'planStarted'; request: number; mode: RestoreMode }
  | { type: 'planReady'; request: number; plan: RestorePlan }
  | { type: 'planFailed'; request: number; text: string }
  | { type: 'withSettings'; value: boolean }
  | { type: 'restoreStarted' }
  | { type: 'restored'; text: string }
  | { type: 'failed'; text: string }
  | { type: 'cancelled' };

export const initialRestoreState: RestoreState = {
  file: null,
  passphrase: '',
  busy: null,
  progress: null,
  checked: null,
  mode: 'replace',
  plan: null,
  planRequest: 0,
  withSettings: true,
  status: null,
  restored: false,
};

/** Back to choosing a file; the file and passphrase typed so far stay. */
function unchecked(state: RestoreState): RestoreState {
  return { ...state, checked: null, plan: null, mode: 'replace', withSettings: true, busy: null, progress: null };
}

export function restoreReducer(state: RestoreState, action: RestoreAction): RestoreState {
  switch (action.type) {
    case 'fileChosen':
      return { ...state, file: action.file };
    case 'passphraseTyped':
      return { ...state, passphrase: action.passphrase };
    case 'checkStarted':
      return { ...unchecked(state), busy: 'checking', status: null, restored: false };
    case 'progress':
      return { ...state, progress: { label: action.label, percent: action.percent } };
    case 'checked':
      // The passphrase has done its work: it leaves the page's state at once.
      return { ...state, checked: action.checked, passphrase: '', progress: null, busy: null };
    case 'planStarted':
      return {
        ...state,
        mode: action.mode,
        // Settings come along by default only when everything is replaced.
        withSettings: action.mode === 'replace',
        plan: null,
        planRequest: action.request,
        busy: 'planning',
      };
    case 'planReady':
      if (action.request !== state.planRequest) return state;
      return { ...state, plan: action.plan, busy: null };
    case 'planFailed':
      if (action.request !== state.planRequest) return state;
      return { ...unchecked(state), status: { kind: 'error', text: action.text } };
    case 'withSettings':
      return { ...state, withSettings: action.value };
    case 'restoreStarted':
      return { ...state, busy: 'restoring', status: null };
    case 'restored':
      return { ...unchecked(state), file: null, restored: true, status: { kind: 'ok', text: action.text } };
    case 'failed':
      return { ...state, busy: null, progress: null, status: { kind: 'error', text: action.text } };
    case 'cancelled':
      return { ...unchecked(state), status: null };
  }
}

/**
 * True when the backup was made before the newest change on this device: restoring it would bring
 * back an older state (a replay), so the page says so before anything is written.
 */
export function olderThanDevice(checked: Pick<Checked, 'manifest' | 'newestLocalChange'>): boolean {
  return checked.newestLocalChange !== null && checked.manifest.createdAt < checked.newestLocalChange;
}
