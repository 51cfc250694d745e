import type { DirectoryEntry, DirectoryOrganization } from '@shared/hsds/directory';
import { planImport } from '@shared/hsds/import-plan';
import type { ImportPlan } from '@shared/hsds/import-plan';
import { readImportFiles } from './importFiles';
import type { ImportFile } from './importFiles';

/**
 * What the import page sends its worker (./importWorker.ts): the chosen files' bytes, transferred rather
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
    return { kind: 'plan', plan: planImport(parsed, request.entries, request.organizations) };
  } catch {
    // Nothing of the input goes into the reply or a log: it may be a directory of confidential addresses.
    return { kind: 'failed' };
  }
}

/** The bytes to move to the worker with the request; the page keeps none of them. */
export function transferables(request: ImportRequest): ArrayBuffer[] {
  return request.files.map((file) => file.bytes);
}
