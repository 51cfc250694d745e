import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { channels } from '../../shared/channels';
import type { Result } from '../../shared/errors';
import { isAppOrigin } from '../security/origins';
import type { Dispatch } from './dispatch';

/** True when a message comes from the app's own top-level page and nowhere else. */
export type SenderCheck = (event: IpcMainInvokeEvent) => boolean;

export function isTrustedSender(appOrigins: readonly string[]): SenderCheck {
  return (event) => {
    const frame = event.senderFrame;
    return !!frame && frame.parent === null && isAppOrigin(frame.url, appOrigins);
  };
}

/**
 * Registers every contract channel on ipcMain: the sender is checked first, then the request is
 * validated and answered by `dispatch`, which never throws across `invoke`.
 */
export function handle(ipcMain: Pick<IpcMain, 'handle'>, dispatch: Dispatch, trusted: SenderCheck): void {
  for (const channel of channels) {
    ipcMain.handle(channel, async (event, request: unknown): Promise<Result<unknown>> => {
      if (!trusted(event)) {
        return { ok: false, error: { code: 'FORBIDDEN_SENDER', message: `refused ${channel} from an untrusted frame` } };
      }
      return dispatch(channel, request);
    });
  }
}
