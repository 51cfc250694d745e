import type { SearchWorkerMessage } from './search-index-request';
import { replyTransfers, searchIndexReceiver } from './search-index-request';
import { tokensFingerprint } from '@shared/directory-search/prebuilt';

// Builds the search index off the main thread (or reads the prebuilt one and adds the person's own entries),
// so typing and scrolling stay smooth meanwhile.
const receive = searchIndexReceiver();
self.addEventListener('message', (event: MessageEvent<SearchWorkerMessage>) => {
  const reply = receive(event.data);
  if (reply !== null) self.postMessage(reply, { transfer: replyTransfers(reply) });
});
// The page starts this worker before it fetches the prebuilt index: meanwhile, work out what reading that
// index checks first (and compile the indexing code a merge or a build runs next).
tokensFingerprint();
