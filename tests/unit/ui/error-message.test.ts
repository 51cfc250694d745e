import { describe, expect, it } from 'vitest';
import { BridgeError } from '@renderer/bridge';
import { errorMessage } from '@renderer/i18n/error-message';
import en from '@renderer/i18n/locales/en.json';
import { englishTexts } from './render';

describe('errorMessage', () => {
  it('gives a bridge error the translated text of its code, never the developer message', async () => {
    const { t } = await englishTexts();
    const error = new BridgeError({ code: 'VAULT_WRONG_PASSPHRASE', message: 'scrypt: mac mismatch at /home/x' });
    expect(errorMessage(t, error)).toBe(en.errors.VAULT_WRONG_PASSPHRASE);
    expect(errorMessage(t, error)).not.toContain('scrypt');
  });

  it('says how long a lock-out lasts, in whole seconds rounded up', async () => {
    const { t } = await englishTexts();
    const error = new BridgeError({ code: 'VAULT_LOCKED_OUT', message: 'wait', retryAfterMs: 4_200 });
    expect(errorMessage(t, error)).toBe(en.errors.lockedOut.replace('{{seconds}}', '5'));
  });

  it('gives anything else the caller’s fallback, or the shared "unknown" text', async () => {
    const { t } = await englishTexts();
    const thrown = new Error('QuotaExceededError: /profile/IndexedDB');
    expect(errorMessage(t, thrown, 'The restore was not written.')).toBe('The restore was not written.');
    expect(errorMessage(t, thrown)).toBe(en.errors.unknown);
    expect(errorMessage(t, 'a string')).toBe(en.errors.unknown);
  });
});
