/**
 * Passphrase strength from zxcvbn-ts, loaded only when someone chooses a passphrase: its
 * dictionaries are large and the unlock screen must stay small.
 */
export const MIN_PASSPHRASE_CHARS = 10;
export const MIN_STRENGTH_SCORE = 3;

type Scorer = (passphrase: string) => number;
let scorer: Promise<Scorer> | null = null;

export function loadStrengthScorer(): Promise<Scorer> {
  scorer ??= (async () => {
    const [{ ZxcvbnFactory }, common, english] = await Promise.all([
      import('@zxcvbn-ts/core'),
      import('@zxcvbn-ts/language-common'),
      import('@zxcvbn-ts/language-en'),
    ]);
    const factory = new ZxcvbnFactory({
      graphs: common.adjacencyGraphs,
      dictionary: { ...common.dictionary, ...english.dictionary },
    });
    return (passphrase: string) => factory.check(passphrase).score;
  })();
  return scorer;
}
