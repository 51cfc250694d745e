import { buildSearchIndex } from '@shared/directory-search';
import type { SearchIndexRequest } from './searchIndexRequest';
import { columnEntries, indexOptions } from './searchIndexRequest';

// Builds the search index off the main thread, so typing and scrolling stay smooth while it is made.
self.addEventListener('message', (event: MessageEvent<SearchIndexRequest>) => {
  const request = event.data;
  self.postMessage(buildSearchIndex(columnEntries(request.entries), indexOptions(request)));
});
