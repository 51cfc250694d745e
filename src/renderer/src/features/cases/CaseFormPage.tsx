import { useState } from 'react';
import { Alert, Button, Checkbox, Fieldset, Group, MultiSelect, NumberInput, Select, SimpleGrid, Stack, TagsInput, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import {
  ageGroups,
  caseLimits,
  caseRecordSchema,
  emptyCaseProfile,
  htcdsExploitationTypes,
  htcdsGenders,
  htcdsLabourIndustries,
  htcdsMethodsOfControl,
  htcdsSupportTypes,
  newCaseRecord,
  nextCaseCode,
  type CaseConsent,
  type CaseProfile,
  type CaseRecord,
} from '@shared/cases';
import { OutcomeAlert } from '../../components/OutcomeAlert';
import { schemaErrors } from '../../components/schema-errors';
import { useAction } from '../../components/use-action';
import { useCountryOptions, useValueOptions } from './labels';
import { CasesLoadState, PageTitle } from './Parts';
import { useCases } from './repository';
import { CaseNotFound } from './CaseNotFound';

interface Draft {
  alias: string;
  assignedTo: string;
  tags: string[];
  profile: CaseProfile;
  consent: CaseConsent;
}

/** Form fields that show their own validation message; anything else is reported above the buttons ('other'). */
const fieldsWithMessages = ['alias', 'assignedTo', 'tags', 'profile.birthYear', 'profile.ageGroup', 'profile.identifiedOn'];

/** The form field a case record's issue belongs to. */
function fieldOf(path: readonly PropertyKey[]): string {
  const field = path[0] === 'profile' ? `profile.${String(path[1])}` : String(path[0]);
  return fieldsWithMessages.includes(field) ? field : 'other';
}

function draftOf(record: CaseRecord | undefined): Draft {
  return {
    alias: record?.alias ?? '',
    assignedTo: record?.assignedTo ?? '',
    tags: record ? [...record.tags] : [],
    profile: record ? structuredClone(record.profile) : emptyCaseProfile(),
    consent: record ? { ...record.consent } : { record: false, refer: false, share: false },
  };
}

/** New case (no caseId) or edit. */
export function CaseFormPage({ caseId }: { caseId?: string }) {
  const { t } = useTranslation('cases');
  const { repository, snapshot } = useCases();
  const title = caseId ? t('form.editTitle') : t('form.newTitle');
  // A new case's code follows every other case's, so the form waits until all of them are read.
  if (!snapshot.complete) return <CasesLoadState title={title} status={snapshot.status === 'error' ? 'error' : 'loading'} onRetry={() => void repository.load()} />;
  const existing = caseId ? snapshot.byId.get(caseId) : undefined;
  if (caseId && !existing) return <CaseNotFound />;
  return <CaseForm key={caseId ?? 'new'} existing={existing} title={title} />;
}

function CaseForm({ existing, title }: { existing: CaseRecord | undefined; title: string }) {
  const { t } = useTranslation('cases');
  const { repository, snapshot } = useCases();
  const [, navigate] = useLocation();
  const [code] = useState(
    () =>
      existing?.code ??
      nextCaseCode(
        snapshot.cases.map((record) => record.code),
        new Date().getFullYear(),
      ),
  );
  const form = useForm<Draft>({
    initialValues: draftOf(existing),
    // The shared schema checks the record as it would be saved; each message names the field's own limit.
    validate: schemaErrors(
      caseRecordSchema,
      (draft) => build(draft, new Date().toISOString()),
      fieldOf,
      (field) => {
        const key = field.replace('profile.', '');
        return t(`validation.${key}`, { max: key === 'tags' ? caseLimits.tagChars : key === 'assignedTo' ? caseLimits.caseworkerChars : caseLimits.aliasChars });
      },
    ),
  });
  const save = useAction(
    async (record: CaseRecord) => {
      await repository.saveCase(record);
      navigate(`/${record.id}`);
    },
    () => ({ title: t('form.saveFailedTitle'), text: t('form.saveFailed') }),
  );
  const countries = useCountryOptions().options;
  const genderOptions = useValueOptions('genders', htcdsGenders);
  const ageGroupOptions = useValueOptions('ageGroups', ageGroups);
  const exploitationOptions = useValueOptions('exploitationTypes', htcdsExploitationTypes);
  const industryOptions = useValueOptions('labourSectors', htcdsLabourIndustries);
  const controlOptions = useValueOptions('methodsOfControl', htcdsMethodsOfControl);
  const supportOptions = useValueOptions('assistance', htcdsSupportTypes);

  const setProfile = (patch: Partial<CaseProfile>) => form.setFieldValue('profile', (profile) => ({ ...profile, ...patch }));
  const setConsent = (patch: Partial<CaseConsent>) => form.setFieldValue('consent', (consent) => ({ ...consent, ...patch }));
  const cancelHref = existing ? `/${existing.id}` : '/';

  function build(draft: Draft, now: string): CaseRecord {
    const base = existing ?? newCaseRecord({ id: crypto.randomUUID(), code, now });
    const alias = draft.alias.trim();
    const { alias: _previousAlias, ...rest } = base;
    return {
      ...rest,
      ...(alias !== '' && { alias }),
      assignedTo: draft.assignedTo.trim(),
      tags: draft.tags.map((tag) => tag.trim()).filter((tag) => tag !== ''),
      profile: draft.profile,
      consent: draft.consent,
      updatedAt: now,
    };
  }

  // Validation passed: the schema's parse of the same record is what is saved.
  const submit = form.onSubmit((draft) => void save.run(caseRecordSchema.parse(build(draft, new Date().toISOString()))));

  const { profile, consent } = form.values;
  return (
    <form autoComplete="off" onSubmit={submit} noValidate>
      <Stack gap="lg" maw={860}>
        <PageTitle>{title}</PageTitle>
        <Fieldset legend={t('form.aboutCase')}>
          <Stack>
            <div>
              <Text size="sm" fw={500}>
                {t('fields.code')}
              </Text>
              <Text fw={700} size="lg">
                <bdi>{code}</bdi>
              </Text>
              <Text size="xs" c="dimmed">
                {t('form.codeHelp')}
              </Text>
            </div>
            <TextInput label={t('fields.alias')} description={t('form.aliasHelp')} {...form.getInputProps('alias')} maxLength={caseLimits.aliasChars + 1} />
            <TextInput label={t('fields.assignedTo')} description={t('form.assignedToHelp')} {...form.getInputProps('assignedTo')} />
            <TagsInput
              label={t('fields.tags')}
              description={t('form.tagsHelp')}
              {...form.getInputProps('tags')}
              data={[...new Set(snapshot.cases.flatMap((record) => record.tags))]}
              clearable
            />
          </Stack>
        </Fieldset>
        <Fieldset legend={t('form.aboutPerson')}>
          <Stack>
            <Text size="sm" c="dimmed">
              {t('form.unknownIsFine')}
            </Text>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <Select
                label={t('fields.gender')}
                data={genderOptions}
                value={profile.gender}
                onChange={(gender) => setProfile({ gender: gender as CaseProfile['gender'] })}
                clearable
              />
              <NumberInput
                label={t('fields.birthYear')}
                description={t('form.birthYearHelp')}
                value={profile.birthYear ?? ''}
                onChange={(value) => setProfile({ birthYear: typeof value === 'number' ? value : null, ...(typeof value === 'number' && { ageGroup: null }) })}
                allowDecimal={false}
                allowNegative={false}
                thousandSeparator={false}
                error={form.errors['profile.birthYear']}
              />
              <Select
                label={t('fields.ageGroup')}
                description={t('form.ageGroupHelp')}
                data={ageGroupOptions}
                value={profile.ageGroup}
                onChange={(ageGroup) => setProfile({ ageGroup: ageGroup as CaseProfile['ageGroup'] })}
                disabled={profile.birthYear !== null}
                error={form.errors['profile.ageGroup']}
                clearable
              />
              <MultiSelect
                label={t('fields.citizenship')}
                data={countries}
                value={profile.citizenship}
                onChange={(citizenship) => setProfile({ citizenship })}
                searchable
                clearable
              />
            </SimpleGrid>
          </Stack>
        </Fieldset>
        <Fieldset legend={t('form.situation')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              type="date"
              label={t('fields.identifiedOn')}
              description={t('form.identifiedOnHelp')}
              value={profile.identifiedOn ?? ''}
              onChange={(event) => setProfile({ identifiedOn: event.currentTarget.value || null })}
              error={form.errors['profile.identifiedOn']}
            />
            <MultiSelect
              label={t('fields.countriesOfOrigin')}
              data={countries}
              value={profile.countriesOfOrigin}
              onChange={(countriesOfOrigin) => setProfile({ countriesOfOrigin })}
              searchable
              clearable
            />
            <MultiSelect
              label={t('fields.countriesOfTransit')}
              data={countries}
              value={profile.countriesOfTransit}
              onChange={(countriesOfTransit) => setProfile({ countriesOfTransit })}
              searchable
              clearable
            />
            <MultiSelect
              label={t('fields.countriesOfExploitation')}
              data={countries}
              value={profile.countriesOfExploitation}
              onChange={(countriesOfExploitation) => setProfile({ countriesOfExploitation })}
              searchable
              clearable
            />
            <MultiSelect
              label={t('fields.exploitationTypes')}
              data={exploitationOptions}
              value={profile.exploitationTypes}
              onChange={(values) => setProfile({ exploitationTypes: values as CaseProfile['exploitationTypes'] })}
              searchable
              clearable
            />
            <Select
              label={t('fields.labourSector')}
              data={industryOptions}
              value={profile.labourSector}
              onChange={(value) => setProfile({ labourSector: value as CaseProfile['labourSector'] })}
              searchable
              clearable
            />
            <MultiSelect
              label={t('fields.methodsOfControl')}
              data={controlOptions}
              value={profile.methodsOfControl}
              onChange={(values) => setProfile({ methodsOfControl: values as CaseProfile['methodsOfControl'] })}
              searchable
              clearable
            />
            <MultiSelect
              label={t('fields.assistanceProvided')}
              data={supportOptions}
              value={profile.assistanceProvided}
              onChange={(values) => setProfile({ assistanceProvided: values as CaseProfile['assistanceProvided'] })}
              searchable
              clearable
            />
          </SimpleGrid>
        </Fieldset>
        <Fieldset legend={t('form.consent')}>
          <Stack>
            <Text size="sm">{t('form.consentHelp')}</Text>
            <Checkbox label={t('consent.record')} checked={consent.record} onChange={(event) => setConsent({ record: event.currentTarget.checked })} />
            <Checkbox label={t('consent.refer')} checked={consent.refer} onChange={(event) => setConsent({ refer: event.currentTarget.checked })} />
            <Checkbox label={t('consent.share')} checked={consent.share} onChange={(event) => setConsent({ share: event.currentTarget.checked })} />
          </Stack>
        </Fieldset>
        {form.errors.other && (
          <Alert color="red" role="alert">
            {form.errors.other}
          </Alert>
        )}
        <OutcomeAlert outcome={save.outcome} />
        <Group>
          <Button type="submit" loading={save.busy}>
            {existing ? t('form.saveChanges') : t('form.create')}
          </Button>
          <Button component={Link} href={cancelHref} variant="default">
            {t('actions.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
