// Public surface of the directory feature: the legal country pages show a hotline's trust as the
// directory does. The shell loads DirectoryPage itself, lazily (app/sections.ts).
export { TrustBadge } from './Parts';
export { checkedSentence, phoneVerified } from './verification';
