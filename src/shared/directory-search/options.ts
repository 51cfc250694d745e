import { waypointTaxonomyTerms } from '../hsds/taxonomy';
import type { IndexOptions, SearchableOrganization } from './index';

/**
 * The index's options as the app builds it: countries and languages found by their names in the interface
 * language as well as in English, terms by their labels in the interface language and their English names.
 * Used by the search worker and, at build time, for the prebuilt index of the shipped directory.
 */
export interface IndexRequest {
  organizations: readonly SearchableOrganization[];
  /** Interface language. */
  language: string;
  /** Labels of service types, populations and channels in the interface language. */
  termLabels: Record<string, string>;
}

function namesIn(languages: string[], type: 'region' | 'language'): (code: string) => string[] {
  const displays = languages.map((language) => new Intl.DisplayNames([language], { type, fallback: 'none' }));
  return (code) => {
    const names = new Set<string>();
    for (const display of displays) {
      try {
        const name = display.of(code);
        if (name !== undefined) names.add(name);
      } catch {
        // not a valid code for Intl: found by the code itself only
      }
    }
    return [...names];
  };
}

export function indexOptions(request: IndexRequest): IndexOptions {
  const languages = [...new Set([request.language, 'en'])];
  const englishTerms = new Map(waypointTaxonomyTerms().map((term) => [term.code, term.name]));
  return {
    organizations: request.organizations,
    countryNames: namesIn(languages, 'region'),
    languageNames: namesIn(languages, 'language'),
    termNames: (code) => [...new Set([request.termLabels[code], englishTerms.get(code)])].filter((name) => name !== undefined),
  };
}
