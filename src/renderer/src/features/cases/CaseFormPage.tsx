import { useState, type FormEvent } from 'react';
import {
  Alert,
  Button,
  Checkbox,
  Fieldset,
  Group,
  MultiSelect,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  TagsInput,
  Text,
  TextInput,
} from '@mantine/core';
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

/** Fields that show their own validation message; anything else is reported above the buttons. */
const fieldsWithMessages = ['alias', 'assignedTo', 'tags', 'birthYear', 'ageGroup', 'identifiedOn'] as const;
type FieldWithMessage = (typeof fieldsWithMessages)[number];

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
  const [code] = useState(() => existing?.code ?? nextCaseCode(snapshot.cases.map((record) => record.code), new Date().getFullYear()));
  const [draft, setDraft] = useState<Draft>(() => draftOf(existing));
  const [errors, setErrors] = useState<Partial<Record<FieldWithMessage | 'other', string>>>({});
  const [saveFailed, setSaveFailed] = useState(false);
  const [saving, setSaving] = useState(false);
  const countries = useCountryOptions().options;
  const genderOptions = useValueOptions('genders', htcdsGenders);
  const ageGroupOptions = useValueOptions('ageGroups', ageGroups);
  const exploitationOptions = useValueOptions('exploitationTypes', htcdsExploitationTypes);
  const industryOptions = useValueOptions('labourSectors', htcdsLabourIndustries);
  const controlOptions = useValueOptions('methodsOfControl', htcdsMethodsOfControl);
  const supportOptions = useValueOptions('assistance', htcdsSupportTypes);

  const setProfile = (patch: Partial<CaseProfile>) => setDraft((previous) => ({ ...previous, profile: { ...previous.profile, ...patch } }));
  const setConsent = (patch: Partial<CaseConsent>) => setDraft((previous) => ({ ...previous, consent: { ...previous.consent, ...patch } }));
  const cancelHref = existing ? `/${existing.id}` : '/';

  function build(now: string): CaseRecord {
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

  async function submit(event: FormEvent) {
    event.preventDefault();
    const record = build(new Date().toISOString());
    const parsed = caseRecordSchema.safeParse(record);
    if (!parsed.success) {
      const found: typeof errors = {};
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0] === 'profile' ? issue.path[1] : issue.path[0]);
        const key = (fieldsWithMessages as readonly string[]).includes(field) ? (field as FieldWithMessage) : 'other';
        found[key] ??= t(`validation.${key}`, { max: key === 'tags' ? caseLimits.tagChars : key === 'assignedTo' ? caseLimits.caseworkerChars : caseLimits.aliasChars });
      }
      setErrors(found);
      return;
    }
    setErrors({});
    setSaving(true);
    setSaveFailed(false);
    try {
      await repository.saveCase(parsed.data);
      navigate(`/${parsed.data.id}`);
    } catch {
      setSaveFailed(true);
      setSaving(false);
    }
  }

  const { profile, consent } = draft;
  return (
    <form autoComplete="off" onSubmit={(event) => void submit(event)} noValidate>
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
          <TextInput
            label={t('fields.alias')}
            description={t('form.aliasHelp')}
            value={draft.alias}
            onChange={(event) => setDraft({ ...draft, alias: event.currentTarget.value })}
            error={errors.alias}
            maxLength={caseLimits.aliasChars + 1}
          />
          <TextInput
            label={t('fields.assignedTo')}
            description={t('form.assignedToHelp')}
            value={draft.assignedTo}
            onChange={(event) => setDraft({ ...draft, assignedTo: event.currentTarget.value })}
            error={errors.assignedTo}
          />
          <TagsInput
            label={t('fields.tags')}
            description={t('form.tagsHelp')}
            value={draft.tags}
            onChange={(tags) => setDraft({ ...draft, tags })}
            data={[...new Set(snapshot.cases.flatMap((record) => record.tags))]}
            error={errors.tags}
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
            <Select label={t('fields.gender')} data={genderOptions} value={profile.gender} onChange={(gender) => setProfile({ gender: gender as CaseProfile['gender'] })} clearable />
            <NumberInput
              label={t('fields.birthYear')}
              description={t('form.birthYearHelp')}
              value={profile.birthYear ?? ''}
              onChange={(value) => setProfile({ birthYear: typeof value === 'number' ? value : null, ...(typeof value === 'number' && { ageGroup: null }) })}
              allowDecimal={false}
              allowNegative={false}
              thousandSeparator={false}
              error={errors.birthYear}
            />
            <Select
              label={t('fields.ageGroup')}
              description={t('form.ageGroupHelp')}
              data={ageGroupOptions}
              value={profile.ageGroup}
              onChange={(ageGroup) => setProfile({ ageGroup: ageGroup as CaseProfile['ageGroup'] })}
              disabled={profile.birthYear !== null}
              error={errors.ageGroup}
              clearable
            />
            <MultiSelect label={t('fields.citizenship')} data={countries} value={profile.citizenship} onChange={(citizenship) => setProfile({ citizenship })} searchable clearable />
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
            error={errors.identifiedOn}
          />
          <MultiSelect label={t('fields.countriesOfOrigin')} data={countries} value={profile.countriesOfOrigin} onChange={(countriesOfOrigin) => setProfile({ countriesOfOrigin })} searchable clearable />
          <MultiSelect label={t('fields.countriesOfTransit')} data={countries} value={profile.countriesOfTransit} onChange={(countriesOfTransit) => setProfile({ countriesOfTransit })} searchable clearable />
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
      {errors.other && (
        <Alert color="red" role="alert">
          {errors.other}
        </Alert>
      )}
      {saveFailed && (
        <Alert color="red" role="alert" title={t('form.saveFailedTitle')}>
          {t('form.saveFailed')}
        </Alert>
      )}
      <Group>
        <Button type="submit" loading={saving}>
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
