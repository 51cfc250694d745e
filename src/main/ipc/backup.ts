import type { BackupSessions } from '../services/backup';
import type { Handlers } from './dispatch';

/** Backup and restore: each channel is one step of a session kept by services/backup/sessions.ts. */
export function backupHandlers(sessions: BackupSessions): Pick<Handlers, keyof BackupSessions['steps']> {
  return sessions.steps;
}
