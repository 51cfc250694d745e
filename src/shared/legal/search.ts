import { tokenize } from '../fold';

/**
 * Offline search over the legal corpus: the app's search folding (shared/fold.ts), and every query word
 * must be the prefix of some token in the entry. The corpus is a few hundred entries, so a linear
 * scan over tokens prepared once is fast enough and needs no index library.
 */

export type SearchKind = 'instrument' | 'provision' | 'judgment' | 'topic' | 'country';

export interface SearchDocument {
  kind: SearchKind;
  id: string;
  /** Texts that name the entry weigh more than texts that describe it. */
  names: string[];
  body: string[];
}

export interface PreparedDocument {
  kind: SearchKind;
  id: string;
  nameTokens: string[];
  bodyTokens: string[];
}

export interface SearchHit {
  kind: SearchKind;
  id: string;
  score: number;
}

function uniqueTokens(values: string[]): string[] {
  return [...new Set(values.flatMap(tokenize))];
}

export function prepareDocument(document: SearchDocument): PreparedDocument {
  return {
    kind: document.kind,
    id: document.id,
    nameTokens: uniqueTokens(document.names),
    bodyTokens: uniqueTokens(document.body),
  };
}

const kindOrder: Record<SearchKind, number> = { topic: 0, instrument: 1, provision: 2, judgment: 3, country: 4 };

function tokenScore(queryToken: string, tokens: string[]): number {
  let best = 0;
  for (const token of tokens) {
    if (token === queryToken) return 2;
    if (token.startsWith(queryToken)) best = 1;
  }
  return best;
}

export function searchDocuments(documents: readonly PreparedDocument[], query: string, limit = 50): SearchHit[] {
  const queryTokens = [...new Set(tokenize(query))];
  if (queryTokens.length === 0) return [];
  const hits: SearchHit[] = [];
  for (const document of documents) {
    let score = 0;
    for (const queryToken of queryTokens) {
      const inName = tokenScore(queryToken, document.nameTokens);
      const inBody = inName > 0 ? 0 : tokenScore(queryToken, document.bodyTokens);
      if (inName === 0 && inBody === 0) {
        score = 0;
        break;
      }
      score += inName * 3 + inBody;
    }
    if (score > 0) hits.push({ kind: document.kind, id: document.id, score });
  }
  hits.sort((a, b) => b.score - a.score || kindOrder[a.kind] - kindOrder[b.kind] || a.id.localeCompare(b.id));
  return hits.slice(0, limit);
}
