/**
 * The words of every note, checklist and follow-up title, by case, for the case search. Reading and decrypting
 * 50,000 notes and 30,000 checklists (each with its template) takes seconds, so this runs in a Web
 * Worker (./text-index-worker.ts) and the page only merges the result into its index; it also runs on
 * the page itself when no worker can start.
 */
import { isAttachment } from '@shared/attachments';
import { checklistTokens } from '@shared/cases';
import { tokenize } from '@shared/fold';
import { isFollowUp } from '@shared/followups';
import type { WaypointStore } from '../../db';
import { isChecklist, isNote } from './shapes';

/**
 * Per case, the distinct tokens of its notes and checklists. Each token is stored once, in
 * `vocabulary`; the typed arrays are transferred between threads rather than copied.
 */
export interface CaseTokens {
  vocabulary: string[];
  caseIds: string[];
  /** The tokens of case `caseIds[i]` are `vocabulary[tokenIds[j]]` for `offsets[i] <= j < offsets[i + 1]`. */
  offsets: Int32Array;
  tokenIds: Int32Array;
}

/** Rows per read: a batch of checklists is a few megabytes of JSON. */
const batchSize = 500;

/** Reads every note, checklist, follow-up and attached file's name and caption; rows that cannot be decrypted are left out (the list flags unreadable cases only). */
export async function collectCaseTokens(store: WaypointStore): Promise<CaseTokens> {
  const tokenIds = new Map<string, number>();
  const vocabulary: string[] = [];
  const byCase = new Map<string, number[]>();
  const labels = new Map<string, string[]>();
  const add = (caseId: string, tokens: readonly string[]) => {
    let ids = byCase.get(caseId);
    if (!ids) byCase.set(caseId, (ids = []));
    for (const token of tokens) {
      let id = tokenIds.get(token);
      if (id === undefined) {
        id = vocabulary.length;
        tokenIds.set(token, id);
        vocabulary.push(token);
      }
      ids.push(id);
    }
  };
  for await (const batch of store.listInBatches('notes', batchSize)) {
    for (const result of batch) if (!result.error && isNote(result.data)) add(result.data.caseId, tokenize(result.data.text));
  }
  for await (const batch of store.listInBatches('checklists', batchSize)) {
    for (const result of batch) if (!result.error && isChecklist(result.data)) add(result.data.caseId, checklistTokens(result.data, labels));
  }
  for await (const batch of store.listInBatches('followUps', batchSize)) {
    for (const result of batch) if (!result.error && isFollowUp(result.data)) add(result.data.caseId, tokenize(result.data.title));
  }
  for await (const batch of store.listInBatches('attachments', batchSize)) {
    for (const result of batch) if (!result.error && isAttachment(result.data)) add(result.data.caseId, tokenize(`${result.data.name} ${result.data.caption}`));
  }
  return pack(vocabulary, byCase);
}

/** Drops each case's repeated tokens and packs the rest into one array. */
function pack(vocabulary: string[], byCase: ReadonlyMap<string, readonly number[]>): CaseTokens {
  const caseIds = [...byCase.keys()];
  let total = 0;
  for (const ids of byCase.values()) total += ids.length;
  const offsets = new Int32Array(caseIds.length + 1);
  const packed = new Int32Array(total);
  // Per token, the last case that took it.
  const lastCase = new Int32Array(vocabulary.length).fill(-1);
  let length = 0;
  caseIds.forEach((caseId, position) => {
    offsets[position] = length;
    for (const id of byCase.get(caseId) ?? []) {
      if (lastCase[id] === position) continue;
      lastCase[id] = position;
      packed[length++] = id;
    }
  });
  offsets[caseIds.length] = length;
  return { vocabulary, caseIds, offsets, tokenIds: packed.slice(0, length) };
}

/** The tokens of the case at `position` in `caseIds`. */
export function tokensOfCase(tokens: CaseTokens, position: number): string[] {
  const ids = tokens.tokenIds.subarray(tokens.offsets[position], tokens.offsets[position + 1]);
  return Array.from(ids, (id) => tokens.vocabulary[id] as string);
}
