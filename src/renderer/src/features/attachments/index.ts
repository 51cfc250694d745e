// Public surface of the attachments feature: the case page mounts the panel. It loads on first use, under
// its tab: a static export would put the whole feature in the first screen's code.
import { lazy } from 'react';

export const CaseAttachmentsPanel = lazy(() => import('./CaseAttachmentsPanel'));
export type { CaseAttachmentsPanelProps } from './CaseAttachmentsPanel';
