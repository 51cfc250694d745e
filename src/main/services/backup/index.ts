export { createBackupWriter, type BackupManifestInput, type BackupWriter, type BackupWriterOptions } from './writer';
export { openBackup, verifyBackup, type BackupReader, type BackupSummary, type OpenBackupOptions } from './reader';
export { BackupError, type BackupErrorCode } from './errors';
export { FORMAT_VERSION, type BackupHeader, type BackupKdf, type BackupManifest, type BackupRecord } from './format';
export { createBackupSessions, type BackupSessions, type BackupSessionOptions, type BackupChannel } from './sessions';
