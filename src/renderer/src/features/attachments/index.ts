// Public surface of the attachments feature: the case page mounts the panel. It loads on first use, under
// its tab: a static export would put the whole feature in the first screen's code.
import { lazy } from 'react';

export const CaseAttachmentsPanel = lazy(() => import('./CaseAttachmentsPanel'));
export type { CaseAttachmentsPanelProps } from './CaseAttachmentsPanel';
// A note's or a checklist question's own files: the case's files read once for the panel (a small module,
// loaded with it), and each list with its "Attach file" loaded on first use.
export { CaseFilesScope, useCaseFiles } from './CaseFilesScope';
export const LinkedFiles = lazy(() => import('./LinkedFiles'));
