import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Alert, Button, PasswordInput, Progress, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Unlocked } from '@shared/vault';
import { defaultDbName, forgetKeyChange, type WaypointStore } from '../../db';
import { percentDone } from '../../components/percent';
import { errorMessage } from '../../i18n/error-message';
import { KeptSecretStep } from './KeptSecretStep';
import { beginKeyChange, changeStoreKeys, finishKeyChange, lockAndReload, openVaultStore } from './api';
import { useVault } from './VaultContext';

/**
 * Changing keys as the person sees it (docs/vault-format.md, "Changing keys"): main begins with a new
 * data key kept beside the old one, the page re-encrypts every record under the new keys, main
 * finishes with a header under the new key alone and a new recovery key, shown once.
 */

type Progress = { done: number; total: number };

function Working({ progress }: { progress: Progress }) {
  const { t } = useTranslation();
  const percent = percentDone(progress.done, progress.total);
  return (
    <Stack role="status">
      <Text>{t('vault:changeKeysWorking', { done: progress.done, total: progress.total })}</Text>
      <Progress value={percent} aria-label={t('vault:changeKeysTitle')} />
    </Stack>
  );
}

/** The new recovery key, once; the journal of the change goes only after it was shown. */
function ShowNewRecoveryKey({ recoveryKey, doneLabel, onDone }: { recoveryKey: string; doneLabel: string; onDone: () => Promise<void> }) {
  const { t } = useTranslation();
  return (
    <Stack>
      <Alert color="teal" role="status">
        {t('vault:changeKeysDone')}
      </Alert>
      <Text>{t('vault:recoveryIntro')}</Text>
      <KeptSecretStep
        secret={recoveryKey}
        kind="recoveryKey"
        doneLabel={doneLabel}
        onDone={async () => {
          await forgetKeyChange(defaultDbName);
          await onDone();
        }}
      />
    </Stack>
  );
}

/** Once begun, a failure loses nothing: both keys are in the header, and the next unlock goes on. */
function Stopped() {
  const { t } = useTranslation();
  return (
    <Stack>
      <Alert color="red">{t('vault:changeKeysStopped')}</Alert>
      <Button w="fit-content" onClick={() => void lockAndReload()}>
        {t('vault:changeKeysLock')}
      </Button>
    </Stack>
  );
}

type Step = { name: 'ask'; error: string | null } | { name: 'working'; progress: Progress } | { name: 'show'; recoveryKey: string } | { name: 'stopped' };

/** In Settings and after an unlock with the recovery key: asks for the passphrase, changes keys, then locks. */
export function ChangeKeys() {
  const { t } = useTranslation();
  const { store } = useVault();
  const [passphrase, setPassphrase] = useState('');
  const [step, setStep] = useState<Step>({ name: 'ask', error: null });

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!passphrase || step.name !== 'ask') return;
    setStep({ name: 'working', progress: { done: 0, total: 0 } });
    let nextKeys: { records: Uint8Array; index: Uint8Array; attachments: Uint8Array };
    try {
      ({ nextKeys } = await beginKeyChange({ passphrase }));
    } catch (caught) {
      setStep({ name: 'ask', error: `${errorMessage(t, caught)} ${t('vault:changeKeysNothingChanged')}` });
      return;
    }
    try {
      await changeStoreKeys(store, nextKeys, (done, total) => setStep({ name: 'working', progress: { done, total } }));
      const { recoveryKey } = await finishKeyChange({ passphrase });
      setPassphrase('');
      setStep({ name: 'show', recoveryKey });
    } catch {
      setStep({ name: 'stopped' });
    }
  }

  if (step.name === 'working') return <Working progress={step.progress} />;
  if (step.name === 'stopped') return <Stopped />;
  // The page locks at the end: a new page, so the old keys leave memory with the old one.
  if (step.name === 'show') return <ShowNewRecoveryKey recoveryKey={step.recoveryKey} doneLabel={t('vault:changeKeysLockNow')} onDone={lockAndReload} />;
  return (
    <form autoComplete="off" onSubmit={(event) => void submit(event)} noValidate>
      <Stack>
        <Text size="sm">{t('vault:changeKeysIntro')}</Text>
        <PasswordInput label={t('vault:currentPassphrase')} value={passphrase} onChange={(event) => setPassphrase(event.currentTarget.value)} />
        <Button type="submit" disabled={!passphrase} w="fit-content">
          {t('vault:changeKeysButton')}
        </Button>
        {step.error && <Alert color="red">{step.error}</Alert>}
      </Stack>
    </form>
  );
}

type ResumeStep =
  | { name: 'working'; progress: Progress }
  | { name: 'finish'; store: WaypointStore; error: string | null }
  | { name: 'show'; store: WaypointStore; recoveryKey: string }
  | { name: 'stopped' };

/**
 * At unlock, when a change of keys was stopped midway (the answer carries `nextKeys`): before anything
 * else, the records left are re-encrypted, then the passphrase finishes the change.
 */
export function FinishKeyChange({ unlocked, onOpened }: { unlocked: Unlocked; onOpened: (store: WaypointStore) => void }) {
  const { t } = useTranslation();
  const [step, setStep] = useState<ResumeStep>({ name: 'working', progress: { done: 0, total: 0 } });
  const [passphrase, setPassphrase] = useState('');
  const started = useRef(false);

  useEffect(() => {
    if (started.current) return; // the keys' bytes are zeroed once imported: one run only
    started.current = true;
    openVaultStore(unlocked, (done, total) => setStep({ name: 'working', progress: { done, total } })).then(
      (store) => setStep({ name: 'finish', store, error: null }),
      () => setStep({ name: 'stopped' }),
    );
  }, [unlocked]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (step.name !== 'finish' || !passphrase) return;
    try {
      const { recoveryKey } = await finishKeyChange({ passphrase });
      setPassphrase('');
      setStep({ name: 'show', store: step.store, recoveryKey });
    } catch (caught) {
      setStep({ ...step, error: errorMessage(t, caught) });
    }
  }

  return (
    <Stack>
      <Text>{t('vault:changeKeysResumeIntro')}</Text>
      {step.name === 'working' && <Working progress={step.progress} />}
      {step.name === 'stopped' && <Stopped />}
      {step.name === 'finish' && (
        <form autoComplete="off" onSubmit={(event) => void submit(event)} noValidate>
          <Stack>
            <PasswordInput label={t('vault:currentPassphrase')} value={passphrase} onChange={(event) => setPassphrase(event.currentTarget.value)} autoFocus />
            <Button type="submit" disabled={!passphrase} w="fit-content">
              {t('vault:changeKeysFinish')}
            </Button>
            {step.error && <Alert color="red">{step.error}</Alert>}
          </Stack>
        </form>
      )}
      {step.name === 'show' && <ShowNewRecoveryKey recoveryKey={step.recoveryKey} doneLabel={t('vault:continue')} onDone={async () => onOpened(step.store)} />}
    </Stack>
  );
}
