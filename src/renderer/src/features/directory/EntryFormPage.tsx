import { useMemo } from 'react';
import { ActionIcon, Anchor, Button, Group, MultiSelect, Select, SimpleGrid, Stack, Switch, Text, TextInput, Textarea, Title } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import { countryCodes } from '@shared/countries';
import type { DirectoryEntry, DirectoryOrganization, DirectoryPhone } from '@shared/hsds/directory';
import { ownEntrySchema } from '@shared/hsds/own-entry';
import { populations, serviceTypes } from '@shared/hsds/taxonomy';
import type { ContactChannel, Population, ServiceType } from '@shared/hsds/taxonomy';
import { OutcomeAlert } from '../../components/OutcomeAlert';
import { schemaErrors } from '../../components/schema-errors';
import { useAction } from '../../components/use-action';
import { useVault } from '../vault';
import { useDirectory } from './context';
import { saveOwnRecords } from './data';
import { useLabels } from './labels';
import { NotFound } from './NotFound';
import { entryPath } from './Parts';

interface PhoneField {
  number: string;
  type: 'voice' | 'text';
}

interface FormValues {
  name: string;
  description: string;
  country: string | null;
  services: string[];
  languages: string[];
  populations: string[];
  phones: PhoneField[];
  email: string;
  url: string;
  hours: string;
  open24x7: boolean;
  address: string;
  confidentialAddress: boolean;
}

function valuesOf(entry: DirectoryEntry | undefined, organization: DirectoryOrganization | undefined): FormValues {
  const phones = entry?.phones.map((phone): PhoneField => ({ number: phone.number, type: phone.type === 'text' ? 'text' : 'voice' })) ?? [];
  return {
    name: entry?.name ?? '',
    description: entry?.description ?? '',
    country: entry?.countries[0] ?? null,
    services: entry?.services ?? [],
    languages: entry?.languages ?? [],
    populations: entry?.populations ?? [],
    phones: phones.length > 0 ? phones : [{ number: '', type: 'voice' }],
    email: entry?.emails[0] ?? '',
    url: entry?.url ?? '',
    hours: entry?.hours ?? '',
    open24x7: entry?.is24x7 === true,
    address: organization?.headquarters?.address ?? '',
    confidentialAddress: entry?.confidentialAddress ?? false,
  };
}

/** The fields ownEntrySchema checks, and what each says when it fails. */
const messageKeys = { name: 'form.nameRequired', email: 'form.emailInvalid', url: 'form.urlInvalid' } as const;
type CheckedField = keyof typeof messageKeys;
const fieldOf = (path: readonly PropertyKey[]): CheckedField => (path[0] === 'emails' ? 'email' : path[0] === 'url' ? 'url' : 'name');

/** Adds a contact of the person's own, or edits one they added or imported; shipped entries are not editable. */
export function EntryFormPage({ id }: { id?: string }) {
  const { t } = useTranslation('directory');
  const labels = useLabels();
  const { store } = useVault();
  const [, navigate] = useLocation();
  const { directory, entryById, organizationById, reload } = useDirectory();
  const existing = id === undefined ? undefined : entryById.get(id);
  const origin = existing === undefined ? undefined : directory.origins.get(existing.id);
  // Only an organization the person added carries an address they may edit.
  const ownOrganization = existing?.organizationId != null && directory.ownOrganizationIds.has(existing.organizationId) ? organizationById.get(existing.organizationId) : undefined;
  const form = useForm<FormValues>({
    initialValues: valuesOf(existing, ownOrganization),
    // The shared schema checks the entry as it would be saved.
    validate: schemaErrors(
      ownEntrySchema,
      (values) => buildRecords(values, existing, ownOrganization).entry,
      fieldOf,
      (field) => t(messageKeys[field as CheckedField]),
    ),
  });
  const save = useAction(
    async ({ entry, organization }: ReturnType<typeof buildRecords>) => {
      await saveOwnRecords(store, [entry], organization === null ? [] : [organization], origin ?? 'added');
      await reload();
      navigate(entryPath(entry.id));
    },
    () => t('form.saveFailed'),
  );

  const countryOptions = useMemo(
    () => [{ value: '', label: t('form.noCountry') }, ...countryCodes.map((code) => ({ value: code, label: labels.country(code) })).sort((a, b) => a.label.localeCompare(b.label))],
    [labels, t],
  );
  const languageOptions = useMemo(() => {
    const codes = new Set([...directory.entries.flatMap((entry) => entry.languages), 'ar', 'en', 'fr', 'es']);
    return [...codes].map((code) => ({ value: code, label: labels.languageName(code) })).sort((a, b) => a.label.localeCompare(b.label));
  }, [directory.entries, labels]);

  if (id !== undefined && (existing === undefined || origin === undefined)) {
    if (existing === undefined) return <NotFound />;
    return (
      <Stack gap="md">
        <Title order={1} tabIndex={-1}>
          {t('form.editTitle')}
        </Title>
        <Text>{t('form.shippedNotEditable')}</Text>
        <Anchor component={Link} href={entryPath(existing.id)}>
          {existing.name}
        </Anchor>
      </Stack>
    );
  }

  const values = form.values;
  const set = form.setFieldValue;
  const setPhone = (index: number, phone: PhoneField) =>
    set(
      'phones',
      values.phones.map((p, i) => (i === index ? phone : p)),
    );
  // Validation passed: the records built from the same values are what is saved.
  const submit = form.onSubmit((checked) => void save.run(buildRecords(checked, existing, ownOrganization)));

  return (
    <form autoComplete="off" onSubmit={submit} noValidate>
      <Stack gap="lg" maw={760}>
        <Title order={1} tabIndex={-1}>
          {existing === undefined ? t('form.newTitle') : t('form.editTitle')}
        </Title>
        <Text>{t('form.intro')}</Text>
        <TextInput label={t('form.name')} required {...form.getInputProps('name')} />
        <Textarea label={t('form.description')} autosize minRows={2} value={values.description} onChange={(e) => set('description', e.currentTarget.value)} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label={t('form.country')}
            data={countryOptions}
            value={values.country ?? ''}
            onChange={(value) => set('country', value === null || value === '' ? null : value)}
            searchable
            allowDeselect={false}
          />
          <MultiSelect
            label={t('form.services')}
            data={serviceTypes.map((code) => ({ value: code, label: labels.term(code) }))}
            value={values.services}
            onChange={(v) => set('services', v)}
            searchable
          />
          <MultiSelect label={t('form.languages')} data={languageOptions} value={values.languages} onChange={(v) => set('languages', v)} searchable />
          <MultiSelect
            label={t('form.populations')}
            data={populations.map((code) => ({ value: code, label: labels.term(code) }))}
            value={values.populations}
            onChange={(v) => set('populations', v)}
          />
        </SimpleGrid>

        <Stack gap="xs" component="fieldset" style={{ border: 0, padding: 0, margin: 0 }}>
          <Text component="legend" fw={600}>
            {t('form.phones')}
          </Text>
          {values.phones.map((phone, i) => (
            <Group key={i} gap="xs" align="flex-end">
              <TextInput
                label={t('form.phoneNumber', { n: i + 1 })}
                dir="ltr"
                type="tel"
                value={phone.number}
                onChange={(e) => setPhone(i, { ...phone, number: e.currentTarget.value })}
                style={{ flex: 1 }}
              />
              <Select
                label={t('form.phoneKind', { n: i + 1 })}
                data={[
                  { value: 'voice', label: t('phoneTypes.voice') },
                  { value: 'text', label: t('phoneTypes.text') },
                ]}
                value={phone.type}
                onChange={(value) => setPhone(i, { ...phone, type: value === 'text' ? 'text' : 'voice' })}
                allowDeselect={false}
                w={160}
              />
              <ActionIcon
                variant="subtle"
                color="gray"
                size="lg"
                aria-label={t('form.removePhone', { n: i + 1 })}
                onClick={() =>
                  set(
                    'phones',
                    values.phones.filter((_, j) => j !== i),
                  )
                }
              >
                <IconTrash size={18} aria-hidden />
              </ActionIcon>
            </Group>
          ))}
          <Button
            variant="subtle"
            leftSection={<IconPlus size={16} aria-hidden />}
            onClick={() => set('phones', [...values.phones, { number: '', type: 'voice' }])}
            style={{ alignSelf: 'flex-start' }}
          >
            {t('form.addPhone')}
          </Button>
        </Stack>

        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t('form.email')} type="email" dir="ltr" {...form.getInputProps('email')} />
          <TextInput label={t('form.url')} description={t('form.urlHint')} dir="ltr" {...form.getInputProps('url')} />
          <TextInput label={t('form.hours')} value={values.hours} onChange={(e) => set('hours', e.currentTarget.value)} />
          <Switch label={t('form.open24x7')} checked={values.open24x7} onChange={(e) => set('open24x7', e.currentTarget.checked)} mt="lg" />
        </SimpleGrid>

        <Textarea label={t('form.address')} autosize minRows={2} value={values.address} onChange={(e) => set('address', e.currentTarget.value)} />
        <Switch
          label={t('form.confidentialAddress')}
          description={t('form.confidentialAddressHint')}
          checked={values.confidentialAddress}
          onChange={(e) => set('confidentialAddress', e.currentTarget.checked)}
        />

        <OutcomeAlert outcome={save.outcome} />
        <Group>
          <Button type="submit" loading={save.busy}>
            {t('form.save')}
          </Button>
          <Button component={Link} href={existing === undefined ? '/' : entryPath(existing.id)} variant="default">
            {t('form.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The person's own entries: nobody checked them against a source, so no date says otherwise. */
const notChecked = { checked: null, readBy: null, sourceDate: null, notes: null } as const;

function buildRecords(
  values: FormValues,
  existing: DirectoryEntry | undefined,
  ownOrganization: DirectoryOrganization | undefined,
): { entry: DirectoryEntry; organization: DirectoryOrganization | null } {
  const name = values.name.trim();
  const url = values.url.trim() || null;
  const email = values.email.trim();
  const address = values.address.trim();
  const phones = values.phones
    .filter((phone) => phone.number.trim() !== '')
    .map((phone): DirectoryPhone => {
      // An imported number keeps its note and emergency roles, which the form does not show.
      const before = existing?.phones.find((p) => p.number === phone.number.trim());
      return { number: phone.number.trim(), type: phone.type, description: before?.description ?? null, emergencyRoles: before?.emergencyRoles ?? [] };
    });
  const channels: ContactChannel[] = [
    ...(phones.some((p) => p.type === 'voice') ? (['phone'] as const) : []),
    ...(phones.some((p) => p.type === 'text') ? (['sms'] as const) : []),
    ...(email !== '' ? (['email'] as const) : []),
    ...(url !== null ? (['web'] as const) : []),
  ];
  // The address belongs to an organization record (HSDS keeps addresses on locations), made for the entry when needed.
  const organization: DirectoryOrganization | null =
    ownOrganization !== undefined || address !== ''
      ? {
          id: ownOrganization?.id ?? crypto.randomUUID(),
          name: ownOrganization?.name ?? name,
          alternateName: ownOrganization?.alternateName ?? null,
          description: ownOrganization?.description ?? '',
          website: ownOrganization?.website ?? url,
          emails: ownOrganization?.emails ?? [],
          phones: ownOrganization?.phones ?? [],
          headquarters: address === '' ? null : { address, city: null, country: values.country, confidential: values.confidentialAddress },
          verified: false,
          confidence: 'inferred',
          ...notChecked,
          sources: ownOrganization?.sources ?? [],
        }
      : null;
  const entry: DirectoryEntry = {
    id: existing?.id ?? crypto.randomUUID(),
    organizationId: organization?.id ?? existing?.organizationId ?? null,
    name,
    alternateName: existing?.alternateName ?? null,
    description: values.description.trim(),
    countries: values.country === null ? [] : [values.country],
    services: values.services as ServiceType[],
    populations: values.populations as Population[],
    channels: existing === undefined ? channels : [...new Set([...existing.channels.filter((c) => !['phone', 'sms', 'email', 'web'].includes(c)), ...channels])],
    languages: values.languages,
    is24x7: values.open24x7 ? true : existing?.is24x7 === false ? false : null,
    hours: values.hours.trim() || null,
    phones,
    emails: email === '' ? [] : [email, ...(existing?.emails.slice(1) ?? [])],
    url,
    fallback: existing?.fallback ?? false,
    confidentialAddress: values.confidentialAddress,
    verified: false,
    confidence: 'inferred',
    ...notChecked,
    sources: existing?.sources ?? [],
  };
  return { entry, organization };
}
