import { lazy, Suspense, useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { Alert, Center, Loader } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Unlocked, VaultStatusInfo } from '@shared/vault';
import { preloadSectionAt } from '../../app/sections';
import { useSettings } from '../../app/SettingsProvider';
import type { WaypointStore } from '../../db';
import { FirstRunGuide } from '../guide';
import { LockScreenLayout } from './LockScreenLayout';
import { UnlockScreen } from './UnlockScreen';
import { useAutoLock } from './use-auto-lock';
import { useQuickExitShortcut } from './use-quick-exit-shortcut';
import { clearOriginAndReload, clearOriginStorage, lockAndReload, lockVault, openVaultStore, quickExit, vaultStatus } from './api';
import { VaultContext, type VaultContextValue } from './VaultContext';

// Screens most starts never show stay out of the first screen's JavaScript.
const CreateVaultScreen = lazy(() => import('./CreateVaultScreen'));
const RecoverScreen = lazy(() => import('./RecoverScreen'));
const AfterRecovery = lazy(() => import('./AfterRecovery'));
const UnseenRecoveryKey = lazy(() => import('./UnseenRecoveryKey'));
const FinishKeyChange = lazy(() => import('./ChangeKeys').then((module) => ({ default: module.FinishKeyChange })));

type Stage =
  | { name: 'loading' }
  | { name: 'create' }
  | { name: 'unlock'; status: VaultStatusInfo }
  | { name: 'recover' }
  | { name: 'unusable'; status: VaultStatusInfo }
  | { name: 'finishKeyChange'; unlocked: Unlocked; recovered: boolean }
  | { name: 'unlocked'; store: WaypointStore; firstRun: boolean; recovered: boolean; unseenRecoveryKey: boolean };

async function lockedStage(): Promise<Stage> {
  let status = await vaultStatus();
  if (status.unlocked) {
    await lockVault();
    status = { ...status, unlocked: false };
  }
  if (!status.exists) {
    // No vault: whatever the origin still holds (an erase interrupted before the page could clear
    // it) belongs to a key that no longer exists, and must not meet the new vault.
    await clearOriginStorage();
    return { name: 'create' };
  }
  if (status.headerError) return { name: 'unusable', status };
  return { name: 'unlock', status };
}

/**
 * Nothing but the lock screen is shown until the vault is unlocked. A fresh page always starts
 * locked: if main still holds a key (the page was reloaded), it is dropped first.
 */
export function VaultGate({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { appInfo, settings } = useSettings();
  const [stage, setStage] = useState<Stage>({ name: 'loading' });

  const refresh = useCallback(() => void lockedStage().then(setStage), []);

  // While the passphrase is typed, the page that unlocking leads to loads its code.
  useEffect(() => {
    if (stage.name === 'unlock') preloadSectionAt(location.hash);
  }, [stage.name]);

  useEffect(() => {
    let current = true;
    void lockedStage().then((next) => current && setStage(next));
    return () => {
      current = false;
    };
  }, []);

  const onUnlocked = useCallback(async (unlocked: Unlocked, how: 'created' | 'passphrase' | 'recovered' = 'passphrase') => {
    performance.mark('waypoint:key-received'); // `npm run bench` measures unlock after the KDF from here
    // A change of keys stopped midway is finished before anything else is shown.
    if (unlocked.nextKeys) return setStage({ name: 'finishKeyChange', unlocked, recovered: how === 'recovered' });
    const store = await openVaultStore(unlocked);
    const { keyChangeJustFinished } = await import('../../db');
    const unseenRecoveryKey = await keyChangeJustFinished(store.handle().dbName, store.handle().keys);
    setStage({ name: 'unlocked', store, firstRun: how === 'created', recovered: how === 'recovered', unseenRecoveryKey });
  }, []);
  const onKeyChangeFinished = useCallback(
    (store: WaypointStore) =>
      setStage((current) => ({ name: 'unlocked', store, firstRun: false, recovered: current.name === 'finishKeyChange' && current.recovered, unseenRecoveryKey: false })),
    [],
  );
  const onCreated = useCallback((unlocked: Unlocked) => onUnlocked(unlocked, 'created'), [onUnlocked]);
  const onRecovered = useCallback((unlocked: Unlocked) => onUnlocked(unlocked, 'recovered'), [onUnlocked]);
  const closeGuide = useCallback(() => setStage((current) => (current.name === 'unlocked' ? { ...current, firstRun: false } : current)), []);
  const closeRecovered = useCallback(() => setStage((current) => (current.name === 'unlocked' ? { ...current, recovered: false } : current)), []);
  const closeUnseenRecoveryKey = useCallback(() => setStage((current) => (current.name === 'unlocked' ? { ...current, unseenRecoveryKey: false } : current)), []);

  const exit = useCallback(() => quickExit(appInfo.runtime), [appInfo.runtime]);
  const lock = useCallback(() => void lockAndReload(), []);
  useQuickExitShortcut(exit);

  const store = stage.name === 'unlocked' ? stage.store : null;
  const value = useMemo<VaultContextValue | null>(() => (store ? { store, lock, quickExit: exit } : null), [store, lock, exit]);

  switch (stage.name) {
    case 'loading':
      return (
        <Center h="100vh">
          <Loader role="status" aria-label={t('app.loading')} />
        </Center>
      );
    case 'create':
      return (
        <Suspense fallback={null}>
          <CreateVaultScreen onUnlocked={onCreated} />
        </Suspense>
      );
    case 'unlock':
      return <UnlockScreen status={stage.status} onUnlocked={onUnlocked} onRecover={() => setStage({ name: 'recover' })} onErased={() => void clearOriginAndReload()} />;
    case 'recover':
      return (
        <Suspense fallback={null}>
          <RecoverScreen onUnlocked={onRecovered} onBack={refresh} onErased={() => void clearOriginAndReload()} />
        </Suspense>
      );
    case 'unusable':
      return (
        <LockScreenLayout title={t('vault:lockedTitle')}>
          <Alert color="red">{stage.status.headerError === 'VAULT_UNSUPPORTED_VERSION' ? t('vault:unsupportedVersion') : t('vault:headerCorrupt')}</Alert>
        </LockScreenLayout>
      );
    case 'finishKeyChange':
      return (
        <LockScreenLayout title={t('vault:changeKeysResumeTitle')}>
          <Suspense fallback={null}>
            <FinishKeyChange unlocked={stage.unlocked} onOpened={onKeyChangeFinished} />
          </Suspense>
        </LockScreenLayout>
      );
    case 'unlocked':
      return (
        <VaultContext.Provider value={value}>
          <AutoLock minutes={settings.autoLockMinutes} onIdle={lock} />
          {children}
          {stage.firstRun && (
            <Suspense fallback={null}>
              <FirstRunGuide onClose={closeGuide} />
            </Suspense>
          )}
          {stage.recovered && (
            <Suspense fallback={null}>
              <AfterRecovery onClose={closeRecovered} />
            </Suspense>
          )}
          {stage.unseenRecoveryKey && (
            <Suspense fallback={null}>
              <UnseenRecoveryKey onClose={closeUnseenRecoveryKey} />
            </Suspense>
          )}
        </VaultContext.Provider>
      );
  }
}

function AutoLock({ minutes, onIdle }: { minutes: number; onIdle: () => void }) {
  useAutoLock(minutes, onIdle);
  return null;
}
