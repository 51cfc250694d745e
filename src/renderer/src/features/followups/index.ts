// Public surface of the follow-ups feature: the case page mounts the panel, the shell the banner; the
// agenda page is loaded by its section (app/sections.ts). The panel loads on first use: the shell imports
// this file, and a static export would put the whole feature in the first screen's code. The banner is
// static: it imports only light modules (summary-read.ts, not data.ts), and is drawn with the shell so its
// read of the agenda summary starts beside the case list's, not after its own code has loaded.
import { lazy } from 'react';

export const CaseFollowUpsPanel = lazy(() => import('./CaseFollowUpsPanel'));
export { default as DueBanner } from './DueBanner';
/** What an attached file is linked to, as a follow-up's row shows it (the attachments feature's Files tab). */
export const LinkedRecord = lazy(() => import('./LinkedRecord').then((module) => ({ default: module.LinkedRecord })));
export type { CaseFollowUpsPanelProps } from './CaseFollowUpsPanel';
