/**
 * Error codes that cross the bridge. The renderer translates each code (i18n key `errors.<code>`);
 * `message` is a developer-facing detail, never shown as the only text.
 */
export const errorCodes = [
  'BAD_REQUEST',
  'FORBIDDEN_SENDER',
  'UNKNOWN_CHANNEL',
  'INTERNAL',
  'SETTINGS_WRITE_FAILED',
  'FILE_WRITE_FAILED',
  'VAULT_EXISTS',
  'VAULT_NOT_FOUND',
  'VAULT_WRONG_PASSPHRASE',
  'VAULT_WRONG_RECOVERY_KEY',
  'VAULT_RECOVERY_KEY_MALFORMED',
  'VAULT_PASSPHRASE_TOO_SHORT',
  'VAULT_BAD_ARGUMENT',
  'VAULT_LOCKED_OUT',
  'VAULT_HEADER_CORRUPT',
  'VAULT_UNSUPPORTED_VERSION',
  'VAULT_WRITE_FAILED',
  'VAULT_ERASED',
  /** Finishing a change of keys that was never begun (or already finished). */
  'VAULT_NO_KEY_CHANGE',
  /** The key check in a backup's header does not match: not the passphrase chosen at export. */
  'BACKUP_WRONG_PASSPHRASE',
  /** The file ends inside the header, or after a complete chunk that is not the last one. */
  'BACKUP_TRUNCATED',
  /** A byte of the file was changed, added or removed (a cut inside a chunk looks the same). */
  'BACKUP_TAMPERED',
  /** A well-formed header of a format version this Waypoint does not know. */
  'BACKUP_NEWER_VERSION',
  /** The file does not start with the backup magic bytes (this includes an empty file). */
  'BACKUP_NOT_A_BACKUP',
  /** The file could not be opened or read (missing, a folder, no permission). */
  'BACKUP_READ_FAILED',
  'BACKUP_WRITE_FAILED',
  /** One record is larger than the format allows (16 MiB of JSON). */
  'BACKUP_TOO_LARGE',
  'BACKUP_PASSPHRASE_TOO_SHORT',
  /** A programming error: malformed record or manifest, counts that do not match, use after finish or close. */
  'BACKUP_BAD_ARGUMENT',
  /** The writer was aborted before the file was complete. */
  'BACKUP_CANCELLED',
  /** Chromium could not turn the document into a PDF; nothing was written. */
  'PDF_RENDER_FAILED',
  /** The action needs the vault unlocked (backups and restores). */
  'VAULT_IS_LOCKED',
  /** A backup or restore session that no longer exists: ended by a lock, or replaced by a newer one. */
  'BACKUP_SESSION_ENDED',
  /** The uploaded backup could not be stored for checking (disk full), or its chunks came out of order. */
  'RESTORE_UPLOAD_FAILED',
  /** A file being saved in pieces whose session no longer exists: ended by a lock, a failed piece or a newer save. */
  'FILE_SAVE_ENDED',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

export interface BridgeErrorShape {
  code: ErrorCode;
  message: string;
  /** After repeated wrong passphrases: how long until the next attempt is accepted. */
  retryAfterMs?: number;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: BridgeErrorShape };

/** An error a service throws on purpose; its code reaches the renderer intact. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly retryAfterMs: number | undefined;
  constructor(code: ErrorCode, message: string, options?: { cause?: unknown; retryAfterMs?: number }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.retryAfterMs = options?.retryAfterMs;
  }
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (errorCodes as readonly string[]).includes(value);
}
