import type { SearchWorkerMessage } from './search-index-request';
import { searchIndexReceiver } from './search-index-request';

// Builds the search index off the main thread, so typing and scrolling stay smooth while it is made.
const receive = searchIndexReceiver();
self.addEventListener('message', (event: MessageEvent<SearchWorkerMessage>) => {
  const index = receive(event.data);
  if (index !== null) self.postMessage(index);
});
