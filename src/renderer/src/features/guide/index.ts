export { FirstRunGuide, GuideLauncher } from './GuideLauncher';
