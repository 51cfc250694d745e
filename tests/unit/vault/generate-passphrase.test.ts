import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadWordList, parseWordList, suggestPassphrase, SUGGESTED_WORDS, uniformIndex, WORD_LIST_SIZE } from '../../../src/renderer/src/features/vault/generate-passphrase';
import { isAcceptablePassphrase, loadStrengthScorer, MIN_STRENGTH_SCORE } from '../../../src/renderer/src/features/vault/passphrase-strength';

const LIST_FILE = join(import.meta.dirname, '../../../resources/wordlists/eff_large_wordlist.txt');

/** A random source that answers the given 32-bit values in turn. */
function scripted(values: number[]) {
  const calls: number[] = [];
  return {
    calls,
    fill: (target: Uint32Array) => {
      const next = values.shift();
      if (next === undefined) throw new Error('no more values');
      calls.push(next);
      target[0] = next;
      return target;
    },
  };
}

describe('the EFF long word list', () => {
  it('is the published file, unchanged: 7,776 distinct lower-case words', async () => {
    const text = await readFile(LIST_FILE);
    expect(createHash('sha256').update(text).digest('hex')).toBe('addd35536511597a02fa0a9ff1e5284677b8883b83e986e43f15a3db996b903e');
    const words = await loadWordList();
    expect(words).toHaveLength(WORD_LIST_SIZE);
    expect(new Set(words).size).toBe(WORD_LIST_SIZE);
    expect(words.every((word) => /^[a-z]+(-[a-z]+)?$/.test(word))).toBe(true);
    expect([words[0], words.at(-1)]).toEqual(['abacus', 'zoom']);
  });

  it('reads the dice-number format, ignoring blank lines and Windows line ends', () => {
    expect(parseWordList('11111\tabacus\r\n11112\tabdomen\n\n')).toEqual(['abacus', 'abdomen']);
  });
});

describe('uniformIndex', () => {
  it('draws again for values in the incomplete last block, so no index is favoured', () => {
    const limit = 2 ** 32 - (2 ** 32 % WORD_LIST_SIZE);
    const random = scripted([limit, 2 ** 32 - 1, limit - 1]);
    expect(uniformIndex(WORD_LIST_SIZE, random.fill)).toBe((limit - 1) % WORD_LIST_SIZE);
    expect(random.calls).toHaveLength(3);
  });

  it('takes a value below the limit as it is', () => {
    const random = scripted([7777]);
    expect(uniformIndex(WORD_LIST_SIZE, random.fill)).toBe(1);
  });

  it('spreads over every index (crypto.getRandomValues, chi-square over 60,000 draws of 0-5)', () => {
    const counts = new Array<number>(6).fill(0);
    for (let i = 0; i < 60_000; i++) counts[uniformIndex(6)]!++;
    const chiSquare = counts.reduce((sum, count) => sum + (count - 10_000) ** 2 / 10_000, 0);
    expect(chiSquare).toBeLessThan(25); // 5 degrees of freedom: p < 0.0002 to fail by chance
  });
});

describe('suggestPassphrase', () => {
  it('is six words of the list, separated by spaces, about 77.5 bits', async () => {
    const words = await loadWordList();
    const list = new Set(words);
    for (let i = 0; i < 50; i++) {
      const parts = suggestPassphrase(words).split(' ');
      expect(parts).toHaveLength(SUGGESTED_WORDS);
      expect(parts.every((word) => list.has(word))).toBe(true);
    }
    expect(SUGGESTED_WORDS * Math.log2(words.length)).toBeCloseTo(77.5, 1);
  });

  it('always reaches the strength the page asks of a new passphrase (zxcvbn score 4)', async () => {
    const [words, score] = await Promise.all([loadWordList(), loadStrengthScorer()]);
    for (let i = 0; i < 20; i++) expect(score(suggestPassphrase(words))).toBe(MIN_STRENGTH_SCORE);
  });

  it('differs from one suggestion to the next', async () => {
    const words = await loadWordList();
    const suggestions = new Set(Array.from({ length: 100 }, () => suggestPassphrase(words)));
    expect(suggestions.size).toBe(100);
  });
});

describe('isAcceptablePassphrase', () => {
  it('asks for zxcvbn score 4, 10 characters and the same text twice; a suggestion passes', async () => {
    const [words, score] = await Promise.all([loadWordList(), loadStrengthScorer()]);
    const scored = (text: string, again = text) => isAcceptablePassphrase(text, again, score(text));
    expect(score('winter2024!!')).toBe(3);
    expect(scored('winter2024!!')).toBe(false);
    expect(scored('password1234')).toBe(false);
    expect(scored('lantern orchard quietly seventeen')).toBe(true);
    expect(scored('lantern orchard quietly seventeen', 'lantern orchard quietly seventeen!')).toBe(false);
    expect(isAcceptablePassphrase('Tr0ub4dor&', 'Tr0ub4dor&', 4)).toBe(true);
    expect(isAcceptablePassphrase('Tr0ub4dor', 'Tr0ub4dor', 4)).toBe(false); // 9 characters
    expect(isAcceptablePassphrase('lantern orchard quietly seventeen', 'lantern orchard quietly seventeen', null)).toBe(false); // still scoring
    const suggestion = suggestPassphrase(words);
    expect(scored(suggestion)).toBe(true);
  });
});
