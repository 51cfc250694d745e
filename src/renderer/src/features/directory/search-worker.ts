import type { SearchWorkerMessage } from './search-index-request';
import { searchIndexReceiver } from './search-index-request';

// Builds the search index off the main thread (or reads the prebuilt one and adds the person's own entries),
// so typing and scrolling stay smooth meanwhile.
const receive = searchIndexReceiver();
self.addEventListener('message', (event: MessageEvent<SearchWorkerMessage>) => {
  const reply = receive(event.data);
  if (reply !== null) self.postMessage(reply);
});
