import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { describeProblem, englishProblemTexts, importProblemCodes, importProblemValues, jsonSyntaxProblem, problemMessage, schemaProblem } from '@shared/hsds/import-problems';
import { languages } from '@shared/languages';

const locales = resolve(import.meta.dirname, '../../../src/renderer/src/features/directory/locales');
const problemsIn = (language: string) =>
  (JSON.parse(readFileSync(resolve(locales, `${language}.json`), 'utf8')) as { import: { problems: Record<string, string> } }).import.problems;
const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((match) => match[1]).sort();

describe('import problem texts', () => {
  it('the English texts for logs are the ones the interface shows', () => {
    expect(problemsIn('en')).toEqual(englishProblemTexts);
  });

  it.each(languages)('%s has a text for every code, naming exactly the values the code carries', (language) => {
    const texts = problemsIn(language);
    expect(Object.keys(texts).sort()).toEqual([...importProblemCodes].sort());
    for (const code of importProblemCodes) expect(placeholders(texts[code]!), `${language}: ${code}`).toEqual([...importProblemValues[code]].sort());
  });

  it('fills in the values in English', () => {
    expect(problemMessage({ code: 'fieldCount', values: { found: 5, expected: 7 } })).toBe('Fields in this row: 5. Fields in the header: 7.');
    expect(describeProblem({ file: 'services.csv', row: 4, field: 'status', code: 'notAllowed', values: { allowed: 'a, b' } })).toBe(
      'services.csv row 4, field "status": This value is not allowed here. Allowed values: a, b.',
    );
  });
});

describe('validator issues become a handful of codes', () => {
  const schema = z.object({
    id: z.guid(),
    name: z.string().min(1),
    code: z.string().min(3).optional(),
    note: z.string().max(5).optional(),
    status: z.enum(['active', 'inactive']),
    email: z.email().optional(),
    url: z.url().optional(),
    day: z.iso.date().optional(),
    count: z.number().optional(),
    open: z.boolean().optional(),
    list: z.array(z.string()).optional(),
  });
  const problemsOf = (value: Record<string, unknown>) =>
    Object.fromEntries(schema.safeParse(value).error!.issues.map((issue) => [issue.path[0], schemaProblem(issue, value[String(issue.path[0])] === undefined)]));

  it('maps each kind of issue, with the values its text needs', () => {
    expect(
      problemsOf({ id: 'x', name: '', code: 'ab', note: 'too long', status: 'open', email: 'a@', url: 'no url', day: '2024-13-45', count: '3', open: 'yes', list: 'a' }),
    ).toEqual({
      id: { code: 'notUuid' },
      name: { code: 'required' },
      code: { code: 'tooShort', values: { min: 3 } },
      note: { code: 'tooLong', values: { max: 5 } },
      status: { code: 'notAllowed', values: { allowed: 'active, inactive' } },
      email: { code: 'notEmail' },
      url: { code: 'notUrl' },
      day: { code: 'notDate' },
      count: { code: 'expectedNumber' },
      open: { code: 'expectedBoolean' },
      list: { code: 'expectedList' },
    });
  });

  it('a missing field is required, whatever its type', () => {
    expect(problemsOf({ name: 'x', status: 'active' })).toEqual({ id: { code: 'required' } });
    expect(problemsOf({ id: '4f0ad09e-0b5b-4b0e-9a57-1d9d4f1e0a01', name: 1, status: 'active' })).toEqual({ name: { code: 'expectedText' } });
  });

  it('anything else is an invalid value', () => {
    expect(schemaProblem({ code: 'custom' }, false)).toEqual({ code: 'invalidValue' });
    expect(schemaProblem({ code: 'invalid_format', format: 'regex' }, false)).toEqual({ code: 'invalidValue' });
  });
});

describe('JSON syntax errors', () => {
  const problemOf = (text: string) => {
    try {
      JSON.parse(text);
    } catch (error) {
      return jsonSyntaxProblem(text, error);
    }
    throw new Error('parsed');
  };

  it('name the line and column where the engine says the error is', () => {
    expect(problemOf('{\n  "a": 1,\n  }')).toEqual({ code: 'invalidJsonAt', values: { line: 3, column: 3 } });
    expect(problemOf('[1] x')).toEqual({ code: 'invalidJsonAt', values: { line: 1, column: 5 } });
    expect(jsonSyntaxProblem('{}', new SyntaxError('Unexpected token (line 2 column 7)'))).toEqual({ code: 'invalidJsonAt', values: { line: 2, column: 7 } });
  });

  it('say when the text stops too early, and fall back to plain "not valid JSON"', () => {
    expect(problemOf('{"a": [1, 2')).toEqual({ code: 'invalidJsonEnd' });
    expect(jsonSyntaxProblem('x', new Error('something else'))).toEqual({ code: 'invalidJson' });
  });
});
