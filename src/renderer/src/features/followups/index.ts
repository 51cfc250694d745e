// Public surface of the follow-ups feature: the case page mounts the panel, the shell the banner; the
// agenda page is loaded by its section (app/sections.ts). Both load on first use: the shell imports
// this file, and a static export would put the whole feature in the first screen's code.
import { lazy } from 'react';

export const CaseFollowUpsPanel = lazy(() => import('./CaseFollowUpsPanel'));
export const DueBanner = lazy(() => import('./DueBanner'));
/** What an attached file is linked to, as a follow-up's row shows it (the attachments feature's Files tab). */
export const LinkedRecord = lazy(() => import('./LinkedRecord').then((module) => ({ default: module.LinkedRecord })));
export type { CaseFollowUpsPanelProps } from './CaseFollowUpsPanel';
