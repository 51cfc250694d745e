/**
 * Passphrase strength from zxcvbn-ts, loaded only when someone chooses a passphrase: its
 * dictionaries are large and the unlock screen must stay small.
 */
import { MIN_NEW_PASSPHRASE_CHARS } from '@shared/passphrase-rules';

/** zxcvbn's top score: about 10^10 guesses or more, what a person's records need against offline guessing. */
export const MIN_STRENGTH_SCORE = 4;

/** Long enough, scored (null while the scorer loads) at the top, and typed twice alike. */
export function isAcceptablePassphrase(value: string, confirmation: string, score: number | null): boolean {
  return [...value].length >= MIN_NEW_PASSPHRASE_CHARS && score !== null && score >= MIN_STRENGTH_SCORE && value === confirmation;
}

type Scorer = (passphrase: string) => number;
let scorer: Promise<Scorer> | null = null;

export function loadStrengthScorer(): Promise<Scorer> {
  scorer ??= (async () => {
    const [{ ZxcvbnFactory }, common, english] = await Promise.all([import('@zxcvbn-ts/core'), import('@zxcvbn-ts/language-common'), import('@zxcvbn-ts/language-en')]);
    const factory = new ZxcvbnFactory({
      graphs: common.adjacencyGraphs,
      dictionary: { ...common.dictionary, ...english.dictionary },
    });
    return (passphrase: string) => factory.check(passphrase).score;
  })();
  return scorer;
}
