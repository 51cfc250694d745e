// Collects the words of every note and checklist off the main thread, so the case list stays
// responsive while they are read, decrypted and split (see ./text-index.ts). It opens the same
// encrypted store with the key handles the page posts, answers once, and ends.
import { openRecordStore, type RecordStoreHandle, type WaypointRecords } from '../../db';
import { collectCaseTokens, type CaseTokens } from './text-index';

export type TextIndexReply = { tokens: CaseTokens } | { failed: true };

self.addEventListener('message', (event: MessageEvent<RecordStoreHandle>) => {
  void (async () => {
    try {
      const store = await openRecordStore<WaypointRecords>(event.data.keys, { dbName: event.data.dbName });
      try {
        const tokens = await collectCaseTokens(store);
        const reply: TextIndexReply = { tokens };
        self.postMessage(reply, { transfer: [tokens.offsets.buffer, tokens.tokenIds.buffer] });
      } finally {
        store.close();
      }
    } catch {
      const reply: TextIndexReply = { failed: true };
      self.postMessage(reply);
    } finally {
      self.close();
    }
  })();
});
