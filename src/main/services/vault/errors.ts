import { AppError, type ErrorCode } from '../../../shared/errors';

/** The vault's codes are part of the shared list, so they cross the bridge intact. */
export type VaultErrorCode = Extract<ErrorCode, `VAULT_${string}`>;

/** An AppError from the vault; `retryAfterMs` is set on VAULT_LOCKED_OUT and on a failure that started a delay. */
export class VaultError extends AppError {
  declare readonly code: VaultErrorCode;

  constructor(code: VaultErrorCode, message: string, options?: { cause?: unknown; retryAfterMs?: number }) {
    super(code, message, options);
    this.name = 'VaultError';
  }
}
