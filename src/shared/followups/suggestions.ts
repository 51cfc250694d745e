import type { LegalIndex } from '../legal/corpus';
import type { FollowUpKind } from './kinds';

/**
 * The minimum durations the legal corpus gives, one row per provision. A row is only a pointer: the
 * suggestion is made only when the provision is in the corpus, its text states the same number of days,
 * and one of the case's countries of exploitation is a party to its instrument. No other kind gets a
 * number: the corpus gives none to cite.
 */
const sourcedMinimums: readonly { kind: FollowUpKind; provisionId: string; days: number }[] = [
  // Council of Europe Convention (CETS 197), Article 13: a recovery and reflection period of at least 30 days.
  { kind: 'reflectionPeriodEnds', provisionId: 'cets-197#art-13', days: 30 },
];

export interface DurationSuggestion {
  days: number;
  provisionId: string;
  /** "Article 13" and "CETS 197", as the corpus names them, to cite next to the number. */
  provisionLabel: string;
  instrumentName: string;
  /** The case's countries (of exploitation) that are parties to the instrument. */
  countries: string[];
}

export function suggestDuration(kind: FollowUpKind, countriesOfExploitation: readonly string[], legal: LegalIndex): DurationSuggestion | null {
  for (const minimum of sourcedMinimums) {
    if (minimum.kind !== kind) continue;
    const provision = legal.provisions.get(minimum.provisionId);
    const instrument = legal.provisionInstrument.get(minimum.provisionId);
    if (!provision || !instrument || !new RegExp(`\\b${minimum.days} days\\b`).test(provision.summary)) continue;
    const countries = countriesOfExploitation.filter((code) => legal.countries.get(code)?.treaties.some((row) => row.instrumentId === instrument.id && row.status === 'party'));
    if (countries.length === 0) continue;
    return { days: minimum.days, provisionId: provision.id, provisionLabel: provision.label, instrumentName: instrument.shortName, countries };
  }
  return null;
}
