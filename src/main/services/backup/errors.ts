import { AppError, type ErrorCode } from '../../../shared/errors';

/** The backup's codes are part of the shared list (src/shared/errors.ts), so they cross the bridge intact. */
export type BackupErrorCode = Extract<ErrorCode, `BACKUP_${string}`>;

export class BackupError extends AppError {
  declare readonly code: BackupErrorCode;

  constructor(code: BackupErrorCode, message: string, options?: { cause?: unknown }) {
    super(code, message, options);
    this.name = 'BackupError';
  }
}
