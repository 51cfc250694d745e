/**
 * The names of every bridge method, as `<namespace>.<method>`. Kept apart from the schemas so the
 * sandboxed preload can build `window.waypoint` without bundling a validator.
 */
export const channels = [
  'app.info',
  'settings.get',
  'settings.set',
  'vault.status',
  'vault.create',
  'vault.unlock',
  'vault.recover',
  'vault.changePassphrase',
  'vault.newRecoveryKey',
  'vault.beginKeyChange',
  'vault.finishKeyChange',
  'vault.setEraseAfter',
  'vault.lock',
  'vault.quickExit',
  'vault.erase',
  'files.save',
  'files.saveBegin',
  'files.saveAppend',
  'files.saveFinish',
  'files.saveAbort',
  'export.pdf',
  'backup.begin',
  'backup.append',
  'backup.finish',
  'backup.abort',
  'restore.begin',
  'restore.upload',
  'restore.open',
  'restore.read',
  'restore.close',
] as const;

export type Channel = (typeof channels)[number];
