// Public surface of the follow-ups feature: the case page mounts the panel, the shell the banner;
// the agenda page is loaded by its section (app/sections.ts).
export { CaseFollowUpsPanel } from './CaseFollowUpsPanel';
export { DueBanner } from './DueBanner';
