import type { WaypointBridge } from '@shared/contract';
import type { BridgeErrorShape, ErrorCode, Result } from '@shared/errors';

declare global {
  interface Window {
    /** Defined by the preload in Electron, by the injected bridge script in the browser preview. */
    readonly waypoint: WaypointBridge;
  }
}

/** A failed bridge call; `code` picks the translated message (`errors.<code>`). */
export class BridgeError extends Error {
  readonly code: ErrorCode;
  readonly retryAfterMs: number | undefined;
  constructor(error: BridgeErrorShape) {
    super(error.message);
    this.name = 'BridgeError';
    this.code = error.code;
    this.retryAfterMs = error.retryAfterMs;
  }
}

/** Unwraps a bridge result: the value, or a thrown BridgeError with its code. */
export async function unwrap<T>(pending: Promise<Result<T>>): Promise<T> {
  const result = await pending;
  if (!result.ok) throw new BridgeError(result.error);
  return result.value;
}
