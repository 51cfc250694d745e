import type { ImportRequest } from './import-request';
import { answerImportRequest, importReplyMessages } from './import-request';

// Reads, validates and plans an import off the main thread, so a 50,000-service file never freezes the window.
self.addEventListener('message', (event: MessageEvent<ImportRequest>) => {
  for (const message of importReplyMessages(answerImportRequest(event.data))) self.postMessage(message);
});
