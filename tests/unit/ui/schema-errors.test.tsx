// @vitest-environment happy-dom
import { useForm } from '@mantine/form';
import { act, renderHook } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { templateSchema, type ChecklistTemplate } from '@shared/checklists';
import { formPath, schemaErrors } from '@renderer/components/schema-errors';
import { sampleTemplate } from '../checklists/fixtures';

interface Values {
  name: string;
  year: string;
}

// The record as it is saved: a trimmed name and a number, inside a profile, as the case form builds it.
const recordSchema = z.object({ name: z.string().trim().min(1).max(5), profile: z.object({ year: z.number().int().max(2026), code: z.string().min(1) }) });
const build = (values: Values) => ({ name: values.name.trim(), profile: { year: Number(values.year), code: '' } });
const fieldOf = (path: readonly PropertyKey[]) => (path[0] === 'profile' && path[1] === 'year' ? 'year' : path[0] === 'name' ? 'name' : 'other');

describe('schemaErrors: a shared zod schema as a @mantine/form validator', () => {
  it('checks the record built from the values, and gives each field one message of its own', () => {
    const message = vi.fn((field: string, issue: z.core.$ZodIssue) => `${field}: ${issue.code}`);
    const { result } = renderHook(() => useForm<Values>({ initialValues: { name: '  ', year: '2031.5' }, validate: schemaErrors(recordSchema, build, fieldOf, message) }));

    act(() => void result.current.validate());
    // The blank name fails after trimming (the form's value is not empty); the year fails twice (not whole, too late)
    // and gets the first message only; the code, which no field shows, is reported once under 'other'.
    expect(result.current.errors).toEqual({ name: 'name: too_small', year: 'year: invalid_type', other: 'other: too_small' });
    expect(result.current.getInputProps('name').error).toBe('name: too_small');
    expect(message).toHaveBeenCalledTimes(3);
  });

  it('lets the form submit when the record passes, with no errors left from before', () => {
    const codeless = recordSchema.extend({ profile: z.object({ year: z.number().int().max(2026) }) });
    const { result } = renderHook(() => useForm<Values>({ initialValues: { name: '', year: '1990' }, validate: schemaErrors(codeless, build, fieldOf, (field) => field) }));
    act(() => void result.current.validate());
    expect(result.current.errors).toEqual({ name: 'name' });

    const submitted = vi.fn();
    act(() => result.current.setFieldValue('name', 'Ana'));
    act(() => result.current.onSubmit(submitted)());
    expect(submitted).toHaveBeenCalledWith({ name: 'Ana', year: '1990' }, undefined);
    expect(result.current.errors).toEqual({});
  });

  it("names a template's nested fields with the form's own paths, so each input finds its problem", () => {
    const draft: ChecklistTemplate = structuredClone(sampleTemplate);
    draft.sections[0]!.items[1]!.label = '';
    draft.title = '';
    const { result } = renderHook(() =>
      useForm<ChecklistTemplate>({
        initialValues: draft,
        validate: schemaErrors(
          templateSchema,
          (values) => values,
          formPath,
          (_field, issue) => issue.code,
        ),
      }),
    );
    act(() => void result.current.validate());
    expect(result.current.errors).toEqual({ title: 'too_small', 'sections.0.items.1.label': 'too_small' });
    expect(result.current.getInputProps('sections.0.items.1.label').error).toBe('too_small');
  });
});
