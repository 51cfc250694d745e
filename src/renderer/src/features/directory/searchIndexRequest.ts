import type { IndexOptions } from '@shared/directory-search';
import type { DirectoryEntry, DirectoryOrganization } from '@shared/hsds/directory';
import { waypointTaxonomyTerms } from '@shared/hsds/taxonomy';

/** What the search worker needs: plain data only, since functions cannot be posted to a worker. */
export interface SearchIndexRequest {
  entries: readonly DirectoryEntry[];
  organizations: readonly DirectoryOrganization[];
  /** Interface language: countries and languages are found by their names in it as well as in English. */
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

export function indexOptions(request: SearchIndexRequest): IndexOptions {
  const languages = [...new Set([request.language, 'en'])];
  const englishTerms = new Map(waypointTaxonomyTerms().map((term) => [term.code, term.name]));
  return {
    organizations: request.organizations,
    countryNames: namesIn(languages, 'region'),
    languageNames: namesIn(languages, 'language'),
    termNames: (code) => [...new Set([request.termLabels[code], englishTerms.get(code)])].filter((name) => name !== undefined),
  };
}
