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
] as const;

export type ErrorCode = (typeof errorCodes)[number];

export interface BridgeErrorShape {
  code: ErrorCode;
  message: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: BridgeErrorShape };

/** An error a service throws on purpose; its code reaches the renderer intact. */
export class AppError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'AppError';
    this.code = code;
  }
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (errorCodes as readonly string[]).includes(value);
}
