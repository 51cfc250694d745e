import { channels, type Channel } from '../../shared/channels';
import { contract, type RequestOf, type ResponseOf } from '../../shared/contract';
import { AppError, type Result } from '../../shared/errors';

export type Handler<C extends Channel> = (request: RequestOf<C>) => Promise<ResponseOf<C>>;
export type Handlers = { [C in Channel]: Handler<C> };

export type Dispatch = (channel: string, request: unknown) => Promise<Result<unknown>>;

/**
 * Validates a request against the contract, runs its handler and wraps the outcome. Both transports
 * (Electron IPC and the browser preview's HTTP) go through this, so they cannot drift apart.
 */
export function createDispatch(handlers: Handlers, log: (message: string) => void = console.error): Dispatch {
  return async (channel, request) => {
    if (!isChannel(channel)) return failure('UNKNOWN_CHANNEL', `no such channel: ${String(channel).slice(0, 80)}`);
    const schema = contract[channel];
    const parsed = schema.request.safeParse(request);
    if (!parsed.success) {
      // The issue paths name fields, never their values, so no personal data reaches the message.
      const where = parsed.error.issues.map((issue) => issue.path.join('.') || '(request)').join(', ');
      return failure('BAD_REQUEST', `invalid request for ${channel}: ${where}`);
    }
    try {
      const handler = handlers[channel] as (request: unknown) => Promise<unknown>;
      const value = schema.response.parse(await handler(parsed.data));
      return { ok: true, value };
    } catch (error) {
      if (error instanceof AppError) return failure(error.code, error.message, error.retryAfterMs);
      log(`[${channel}] unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : 'unknown'}`);
      return failure('INTERNAL', 'unexpected error');
    }
  };
}

function isChannel(value: unknown): value is Channel {
  return typeof value === 'string' && (channels as readonly string[]).includes(value);
}

function failure(code: AppError['code'], message: string, retryAfterMs?: number): Result<never> {
  return { ok: false, error: retryAfterMs === undefined ? { code, message } : { code, message, retryAfterMs } };
}
