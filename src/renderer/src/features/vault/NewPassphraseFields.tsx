import { lazy, Suspense, useEffect, useState } from 'react';
import { Alert, Anchor, Button, Card, PasswordInput, Progress, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { loadWordList, suggestPassphrase } from './generate-passphrase';
import { MIN_NEW_PASSPHRASE_CHARS } from '@shared/passphrase-rules';
import { isAcceptablePassphrase, loadStrengthScorer, MIN_STRENGTH_SCORE } from './passphrase-strength';

// Shown only when a suggestion is asked for; the vault's public surface loads this file with the first screen.
const KeptSecretStep = lazy(() => import('./KeptSecretStep').then((module) => ({ default: module.KeptSecretStep })));

export interface NewPassphraseState {
  value: string;
  confirmation: string;
  score: number | null;
  acceptable: boolean;
  setValue(value: string): void;
  setConfirmation(value: string): void;
}

/** A new passphrase is acceptable when it is long enough, judged strong enough, and typed twice alike. */
export function useNewPassphrase(): NewPassphraseState {
  const [value, setValue] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [scored, setScored] = useState<{ for: string; score: number } | null>(null);

  useEffect(() => {
    let current = true;
    if (value) void loadStrengthScorer().then((score) => current && setScored({ for: value, score: score(value) }));
    return () => {
      current = false;
    };
  }, [value]);

  const score = value && scored?.for === value ? scored.score : null;
  const acceptable = isAcceptablePassphrase(value, confirmation, score);
  return { value, confirmation, score, acceptable, setValue, setConfirmation };
}

// Only the top score is accepted, so only it is shown in the accent colour.
const scoreColors = ['red', 'red', 'orange', 'orange', 'teal'];

export function NewPassphraseFields({ state, label }: { state: NewPassphraseState; label?: string }) {
  const { t } = useTranslation();
  const labels = t('vault:strengthLabels', { returnObjects: true }) as string[];
  const tooShort = state.value.length > 0 && [...state.value].length < MIN_NEW_PASSPHRASE_CHARS;
  const tooWeak = !tooShort && state.score !== null && state.score < MIN_STRENGTH_SCORE;
  const mismatch = state.confirmation.length > 0 && state.confirmation !== state.value;
  const [suggestion, setSuggestion] = useState<string | null>(null);
  const [suggestionUsed, setSuggestionUsed] = useState(false);

  async function suggest() {
    setSuggestion(suggestPassphrase(await loadWordList()));
  }

  function takeSuggestion(passphrase: string) {
    state.setValue(passphrase);
    state.setConfirmation(passphrase);
    setSuggestion(null); // shown once: from here on only the masked fields hold it
    setSuggestionUsed(true);
  }

  return (
    <Stack gap="sm">
      {suggestion ? (
        <Card withBorder padding="md" aria-labelledby="suggested-passphrase-title">
          <Stack gap="sm">
            <Text fw={600} id="suggested-passphrase-title">
              {t('vault:suggestedTitle')}
            </Text>
            <Text size="sm">{t('vault:suggestedIntro')}</Text>
            <Suspense fallback={null}>
              <KeptSecretStep secret={suggestion} kind="passphrase" doneLabel={t('vault:useSuggested')} onDone={() => takeSuggestion(suggestion)} />
            </Suspense>
            <Anchor component="button" type="button" size="sm" onClick={() => setSuggestion(null)}>
              {t('vault:cancelSuggestion')}
            </Anchor>
          </Stack>
        </Card>
      ) : (
        <Button variant="light" w="fit-content" onClick={() => void suggest()}>
          {t('vault:suggestPassphrase')}
        </Button>
      )}
      {suggestionUsed && !suggestion && state.value && (
        <Alert color="teal" role="status">
          {t('vault:suggestionInUse')}
        </Alert>
      )}
      <PasswordInput
        label={label ?? t('vault:newPassphrase')}
        description={t('vault:passphraseHint')}
        value={state.value}
        onChange={(event) => {
          state.setValue(event.currentTarget.value);
          setSuggestionUsed(false);
        }}
        error={tooShort ? t('vault:tooShort', { count: MIN_NEW_PASSPHRASE_CHARS }) : tooWeak ? t('vault:tooWeak') : undefined}
      />
      {state.value && state.score !== null && (
        <div>
          <Progress value={(state.score + 1) * 20} color={scoreColors[state.score]} size="sm" aria-label={t('vault:strength', { label: labels[state.score] })} />
          <Text size="sm" mt={4} aria-live="polite">
            {t('vault:strength', { label: labels[state.score] })}
          </Text>
        </div>
      )}
      <PasswordInput
        label={t('vault:confirmPassphrase')}
        value={state.confirmation}
        onChange={(event) => {
          state.setConfirmation(event.currentTarget.value);
          setSuggestionUsed(false);
        }}
        error={mismatch ? t('vault:mismatch') : undefined}
      />
    </Stack>
  );
}
