// Public surface of the backup feature; Settings mounts the panel.
export { BackupPanel } from './BackupPanel';
export { RECORDS_RESTORED_EVENT } from './api';
