import type { TFunction } from 'i18next';
import { BridgeError } from '../../bridge';

/** The translated message for a failed bridge call, never a raw developer message. */
export function errorMessage(t: TFunction, error: unknown): string {
  if (error instanceof BridgeError) {
    if (error.code === 'VAULT_LOCKED_OUT' && error.retryAfterMs) {
      return t('vault.lockedOut', { seconds: Math.ceil(error.retryAfterMs / 1000) });
    }
    return t(`errors.${error.code}`);
  }
  return t('errors.unknown');
}
