import type { SearchWorkerMessage } from './searchIndexRequest';
import { searchIndexReceiver } from './searchIndexRequest';

// Builds the search index off the main thread, so typing and scrolling stay smooth while it is made.
const receive = searchIndexReceiver();
self.addEventListener('message', (event: MessageEvent<SearchWorkerMessage>) => {
  const index = receive(event.data);
  if (index !== null) self.postMessage(index);
});
