import type { TFunction } from 'i18next';
import { BridgeError } from '../bridge';

/**
 * The translated message for a failed call, never a raw developer message: a bridge error by its
 * code (with the wait of a lock-out), anything else as `fallback` or the shared "unknown" text.
 * `t` is the shared namespace's (the `errors.*` texts live there).
 */
export function errorMessage(t: TFunction, error: unknown, fallback?: string): string {
  if (error instanceof BridgeError) {
    if (error.code === 'VAULT_LOCKED_OUT' && error.retryAfterMs) {
      return t('errors.lockedOut', { seconds: Math.ceil(error.retryAfterMs / 1000) });
    }
    return t(`errors.${error.code}`);
  }
  return fallback ?? t('errors.unknown');
}
