/**
 * Fired on `window` after a restore has written records (detail: `{ tables, mode }`), so features
 * that keep records in memory read them again.
 */
export const RECORDS_RESTORED_EVENT = 'waypoint:records-restored';
