import type { DirectoryEntry, DirectoryOrganization } from '@shared/hsds/directory';
import { planImport } from '@shared/hsds/import-plan';
import type { ImportPlan, PlannedUpdate, ShippedIds } from '@shared/hsds/import-plan';
import { readImportFiles } from './import-files';
import type { ImportFile } from './import-files';

/**
 * What the import page sends its worker (./import-worker.ts): the chosen files' bytes, transferred rather
 * than copied, and the directory the plan compares them with. Plain data only, since functions cannot be
 * posted to a worker.
 */
export interface ImportRequest {
  files: ImportFile[];
  fromFolder: boolean;
  /** The chosen file's or folder's name, as problems and the plan name it. */
  source: string;
  entries: readonly DirectoryEntry[];
  organizations: readonly DirectoryOrganization[];
  /** Ids of the records that ship with Waypoint: an import adds its own copy beside them, never replaces them. */
  shipped?: ShippedIds;
}

/**
 * The worker's answer: the plan, or `failed` when reading or planning threw (a bug, or input no check
 * foresaw), so the page can say that nothing was imported instead of waiting for ever.
 */
export type ImportReply = { kind: 'plan'; plan: ImportPlan } | { kind: 'failed' };

/** The worker's side: read, validate and plan. Never throws. */
export function answerImportRequest(request: ImportRequest): ImportReply {
  try {
    const parsed = readImportFiles(request.files, request.fromFolder, request.source);
    return { kind: 'plan', plan: planImport(parsed, request.entries, request.organizations, request.shipped) };
  } catch {
    // Nothing of the input goes into the reply or a log: it may be a directory of confidential addresses.
    return { kind: 'failed' };
  }
}

/**
 * What the worker posts back, in order: the plan's entry lists in parts, then the rest of the plan. Each
 * message is unpacked (a structured clone) on the page's main thread in a task of its own: 50,000 entries in
 * one message would hold the window for as long as all parts together.
 */
export type ImportWorkerMessage = { kind: 'part'; toAdd: DirectoryEntry[]; toUpdate: PlannedUpdate<DirectoryEntry>[]; unchanged: DirectoryEntry[] } | ImportReply;

const entriesPerMessage = 5_000;

/** The worker's messages for a reply. */
export function* importReplyMessages(reply: ImportReply, partSize = entriesPerMessage): Generator<ImportWorkerMessage> {
  if (reply.kind === 'failed') {
    yield reply;
    return;
  }
  const { toAdd, toUpdate, unchanged } = reply.plan;
  const longest = Math.max(toAdd.length, toUpdate.length, unchanged.length);
  for (let start = 0; start < longest; start += partSize) {
    const part = <T>(list: readonly T[]) => list.slice(start, start + partSize);
    yield { kind: 'part', toAdd: part(toAdd), toUpdate: part(toUpdate), unchanged: part(unchanged) };
  }
  yield { kind: 'plan', plan: { ...reply.plan, toAdd: [], toUpdate: [], unchanged: [] } };
}

/** The page's side: takes the messages in order and gives the reply after the last. */
export function importReplyReceiver(): (message: ImportWorkerMessage) => ImportReply | null {
  const lists = { toAdd: [] as DirectoryEntry[], toUpdate: [] as PlannedUpdate<DirectoryEntry>[], unchanged: [] as DirectoryEntry[] };
  return (message) => {
    if (message.kind === 'part') {
      lists.toAdd.push(...message.toAdd);
      lists.toUpdate.push(...message.toUpdate);
      lists.unchanged.push(...message.unchanged);
      return null;
    }
    return message.kind === 'plan' ? { kind: 'plan', plan: { ...message.plan, ...lists } } : message;
  };
}

/** The bytes to move to the worker with the request; the page keeps none of them. */
export function transferables(request: ImportRequest): ArrayBuffer[] {
  return request.files.map((file) => file.bytes);
}
