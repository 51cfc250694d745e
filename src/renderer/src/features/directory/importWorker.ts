import type { ImportRequest } from './importRequest';
import { answerImportRequest } from './importRequest';

// Reads, validates and plans an import off the main thread, so a 50,000-service file never freezes the window.
self.addEventListener('message', (event: MessageEvent<ImportRequest>) => {
  self.postMessage(answerImportRequest(event.data));
});
