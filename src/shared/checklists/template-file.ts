import type { z } from 'zod';
import { cloneTemplate } from './answers';
import { templateSchema, type ChecklistTemplate } from './schema';

/** A valid template is far below this; the cap refuses a huge file before parsing it. */
export const maxTemplateFileChars = 2_000_000;
const maxJsonDepth = 40;
const maxReportedErrors = 50;
const requiredMessage = 'is required';
const forbiddenKeys = new Set(['__proto__', 'constructor', 'prototype']);

export interface TemplateFileError {
  /** Where the problem is, e.g. `sections[2].items[5].kind`; `(file)` for the file as a whole. */
  path: string;
  message: string;
}
export type TemplateFileResult = { ok: true; template: ChecklistTemplate } | { ok: false; errors: TemplateFileError[] };

type PathSegment = string | number | symbol;

function formatPath(path: readonly PathSegment[]): string {
  let text = '';
  for (const segment of path) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else if (typeof segment === 'string' && /^[A-Za-z_$][\w$]*$/.test(segment)) text += text === '' ? segment : `.${segment}`;
    else text += `[${JSON.stringify(String(segment))}]`;
  }
  return text === '' ? '(file)' : text;
}

/**
 * Reads a template file someone may have crafted to cause harm. Never throws: every failure is
 * returned as a list of errors, each naming where in the file it is and what is wrong.
 */
export function parseTemplateFile(text: string): TemplateFileResult {
  try {
    return parseUnsafe(text);
  } catch {
    // Last line of defence (e.g. an engine limit); the checks below are meant to make this unreachable.
    return fail('(file)', 'could not be read as a checklist template');
  }
}

function parseUnsafe(text: unknown): TemplateFileResult {
  if (typeof text !== 'string') return fail('(file)', 'is not text');
  if (text.length > maxTemplateFileChars) {
    return fail('(file)', `is too large (${text.length} characters; at most ${maxTemplateFileChars} are allowed)`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return fail('(file)', `is not valid JSON: ${error instanceof Error ? error.message : 'syntax error'}`);
  }
  const structural = structureProblem(data);
  if (structural) return { ok: false, errors: [structural] };
  return validated(data);
}

function validated(data: unknown): TemplateFileResult {
  const result = templateSchema.safeParse(data, { error: (issue) => (issue.input === undefined ? requiredMessage : undefined) });
  if (result.success) return { ok: true, template: result.data };
  return { ok: false, errors: result.error.issues.flatMap(toFileErrors).slice(0, maxReportedErrors) };
}

/**
 * Walks the parsed JSON without recursion before the schema sees it: refuses nesting deep enough
 * to exhaust the stack and keys that could reach an object's prototype if copied carelessly.
 */
function structureProblem(root: unknown): TemplateFileError | null {
  const stack: Array<{ value: unknown; path: PathSegment[] }> = [{ value: root, path: [] }];
  while (stack.length > 0) {
    const { value, path } = stack.pop() as { value: unknown; path: PathSegment[] };
    if (typeof value !== 'object' || value === null) continue;
    if (path.length > maxJsonDepth) return { path: formatPath(path), message: `is nested more than ${maxJsonDepth} levels deep` };
    if (Array.isArray(value)) {
      value.forEach((entry, index) => stack.push({ value: entry, path: [...path, index] }));
      continue;
    }
    for (const [key, entry] of Object.entries(value)) {
      if (forbiddenKeys.has(key)) return { path: formatPath([...path, key]), message: `the key "${key}" is not allowed` };
      stack.push({ value: entry, path: [...path, key] });
    }
  }
  return null;
}

function toFileErrors(issue: z.core.$ZodIssue): TemplateFileError[] {
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => ({ path: formatPath([...issue.path, key]), message: `unknown field "${key}" is not allowed` }));
  }
  if (issue.code === 'invalid_union') {
    // When the keys pick one form (e.g. {all: [...]}), report what is wrong inside it rather
    // than "matches no form" for the whole condition.
    const branch = matchingBranch(issue.errors);
    if (branch) return branch.flatMap((inner) => toFileErrors({ ...inner, path: [...issue.path, ...inner.path] }));
  }
  const path = formatPath(issue.path);
  return [{ path, message: issue.message.replace(/^Invalid input: /, '') }];
}

/** An object branch whose key set fitted the value: its errors, all inside it, are the real ones. */
function matchingBranch(branches: z.core.$ZodIssue[][]): z.core.$ZodIssue[] | null {
  const fits = (issue: z.core.$ZodIssue) => issue.path.length > 0 && !(issue.path.length === 1 && issue.message === requiredMessage);
  return branches.find((branch) => branch.length > 0 && branch.every(fits)) ?? null;
}

function fail(path: string, message: string): TemplateFileResult {
  return { ok: false, errors: [{ path, message }] };
}

export function serializeTemplate(template: ChecklistTemplate): string {
  return `${JSON.stringify(template, null, 2)}\n`;
}

/**
 * Copies a template so the user can adapt it. The copy starts its own version history at 1 and
 * remembers what it was based on; the result is validated like an imported file.
 */
export function duplicateTemplate(template: ChecklistTemplate, newId: string): TemplateFileResult {
  return validated({ ...cloneTemplate(template), id: newId, version: 1, basedOn: { id: template.id, version: template.version } });
}

/** Every legal provision id the template cites, sorted and without repeats. */
export function legalRefsOf(template: ChecklistTemplate): string[] {
  const refs = template.sections.flatMap((section) => section.items.flatMap((item) => item.legalRefs ?? []));
  return [...new Set(refs)].sort();
}
