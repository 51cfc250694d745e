import { Anchor, Badge, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { IconPhone } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { instrumentsForCountry, type LegalIndex } from '@shared/legal/corpus';
import type { DirectoryEntry } from '@shared/hsds/directory';
import type { TreatyStatus } from '@shared/legal/schema';
import { BackLink, CorpusDate, EnglishOnlyNote, ExternalLink, LegalNote, Sources, useEnglishText } from '../LegalParts';
import { loadDirectoryEntries } from '../data';
import { useLoaded } from '../../../components/use-loaded';
import { directoryHref, legalPaths } from '../paths';
import { phoneHref } from '@shared/contact-links';
import { hotlinesForCountry, treatyRowView } from '../view';
import { NotFound } from './NotFound';
import { formatPartialDate } from '../../../i18n/format';
import { TrustBadge, checkedSentence, phoneVerified } from '../../directory';
import { LoadState } from '../../../components/LoadState';

export function CountryPage({ index, code }: { index: LegalIndex; code: string }) {
  const { t, i18n } = useTranslation('legal');
  const english = useEnglishText();
  const profile = index.countries.get(code);
  if (!profile) return <NotFound />;
  const name = new Intl.DisplayNames([i18n.language], { type: 'region' }).of(code) ?? profile.name;
  const applicable = instrumentsForCountry(index, code);

  return (
    <Stack gap="lg">
      <Stack gap="xs">
        <BackLink href={legalPaths.home} label={t('backToLegal')} />
        <Title order={1} tabIndex={-1}>
          {name}
        </Title>
        <Text c="dimmed">{t('country.subtitle')}</Text>
      </Stack>
      <LegalNote perItem={t('country.perRow')} />

      <Stack gap="sm" component="section" aria-labelledby="country-instruments">
        <Title order={2} size="h3" id="country-instruments">
          {t('country.instruments')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('home.notListedNotUnbound')}
        </Text>
        <Table.ScrollContainer minWidth={640}>
          <Table withTableBorder striped aria-labelledby="country-instruments">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('country.instrument')}</Table.Th>
                <Table.Th scope="col">{t('country.status')}</Table.Th>
                <Table.Th scope="col">{t('country.date')}</Table.Th>
                <Table.Th scope="col">{t('country.asOf')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {applicable.map(({ instrument, status }) => (
                <Table.Tr key={instrument.id}>
                  <Table.Td>
                    <Anchor component={Link} href={legalPaths.instrument(instrument.id)} {...english}>
                      {instrument.shortName}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{status ? <StatusCell status={status} /> : t('country.nationalLaw')}</Table.Td>
                  <Table.Td>{status ? <StatusDate status={status} /> : <CorpusDate value={instrument.entryIntoForce ?? instrument.adopted} />}</Table.Td>
                  <Table.Td>
                    {status ? (
                      <Stack gap={2}>
                        <span>
                          <CorpusDate value={status.asOf} />
                        </span>
                        {status.asOfNote && (
                          <Text size="xs" c="dimmed" {...english}>
                            {status.asOfNote}
                          </Text>
                        )}
                        <Text size="xs">
                          <ExternalLink href={status.source} />
                        </Text>
                        {treatyRowView(status).checked !== null && (
                          <Text size="xs">
                            {t('country.checked')} <CorpusDate value={status.checked} />
                          </Text>
                        )}
                      </Stack>
                    ) : (
                      <CorpusDate value={instrument.lastVerified} />
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Stack>

      <Stack gap="sm" component="section" aria-labelledby="country-law">
        <Title order={2} size="h3" id="country-law">
          {t('country.nationalLawHeading')}
        </Title>
        <EnglishOnlyNote />
        {profile.nationalLaws.length === 0 ? (
          <Text c="dimmed">{t('country.noNationalLaw')}</Text>
        ) : (
          profile.nationalLaws.map((law) => (
            <Card key={law.name} withBorder padding="md">
              <Stack gap="xs">
                <Title order={3} size="h5" {...english}>
                  {law.instrumentId ? (
                    <Anchor component={Link} href={legalPaths.instrument(law.instrumentId)} inherit>
                      {law.name}
                    </Anchor>
                  ) : (
                    law.name
                  )}
                </Title>
                <Text size="sm">{t(`sourceConfidence.${law.confidence}`)}</Text>
                <Sources urls={law.sources} />
              </Stack>
            </Card>
          ))
        )}
      </Stack>

      <Stack gap="sm" component="section" aria-labelledby="country-nrm">
        <Title order={2} size="h3" id="country-nrm">
          {t('country.referral')}
        </Title>
        {profile.referralMechanism === null ? (
          <Text c="dimmed">{t('country.noReferral')}</Text>
        ) : (
          <Card withBorder padding="md">
            <Stack gap="xs">
              <Title order={3} size="h5" {...english}>
                {profile.referralMechanism.name}
              </Title>
              <Text size="sm" {...english}>
                {profile.referralMechanism.summary}
              </Text>
              <Sources urls={profile.referralMechanism.sources} />
            </Stack>
          </Card>
        )}
      </Stack>

      <Hotlines code={code} countryName={name} />

      <Stack gap="sm" component="section" aria-labelledby="country-sources">
        <Title order={2} size="h3" id="country-sources">
          {t('sourceAndVerification')}
        </Title>
        <Sources urls={profile.sources} />
      </Stack>
    </Stack>
  );
}

/** The status as far as its source allows, and where to look up the current one when it may be out of date. */
function StatusCell({ status }: { status: TreatyStatus }) {
  const { t } = useTranslation('legal');
  const view = treatyRowView(status);
  return (
    <Stack gap={2}>
      <span>{t(view.dated ? `datedStatus.${status.status}` : `status.${status.status}`)}</span>
      {view.notConfirmedSince !== null && (
        <Text size="xs" fw={600}>
          {t('country.notConfirmedSince', { year: view.notConfirmedSince })}
        </Text>
      )}
      {(view.dated || view.notConfirmedSince !== null) && status.statusPage !== null && (
        <Text size="xs">
          <ExternalLink href={status.statusPage}>{t('country.currentStatus')}</ExternalLink>
        </Text>
      )}
    </Stack>
  );
}

function StatusDate({ status }: { status: TreatyStatus }) {
  const { t } = useTranslation('legal');
  if (status.consent !== null) {
    return (
      <>
        {status.consentType ? `${t(`consentType.${status.consentType}`)}: ` : ''}
        <CorpusDate value={status.consent} />
      </>
    );
  }
  if (status.signed !== null) {
    return (
      <>
        {t('country.signed')}: <CorpusDate value={status.signed} />
      </>
    );
  }
  return t('dateNotRecorded');
}

function Hotlines({ code, countryName }: { code: string; countryName: string }) {
  const { t } = useTranslation('legal');
  const { state, retry } = useLoaded(loadDirectoryEntries);
  return (
    <Stack gap="sm" component="section" aria-labelledby="country-hotlines">
      <Title order={2} size="h3" id="country-hotlines">
        {t('country.hotlines')}
      </Title>
      <LoadState state={state} onRetry={retry} failedTitle={t('loadError.title')} failedBody={t('loadError.body')} loadingLabel={t('country.loadingHotlines')}>
        {(entries) => {
          const hotlines = hotlinesForCountry(entries, code);
          return (
            <Stack gap="sm">
              {hotlines.length === 0 && <Text c="dimmed">{t('country.noHotlines')}</Text>}
              {hotlines.map((entry) => (
                <Card key={entry.id} withBorder padding="md" component="article" aria-labelledby={`hotline-${entry.id}`}>
                  <Stack gap="xs">
                    <Group gap="xs">
                      <Title order={3} size="h5" id={`hotline-${entry.id}`} dir="auto">
                        {entry.name}
                      </Title>
                      {entry.fallback && (
                        <Badge tt="none" variant="light" color="gray">
                          {t('country.fallback')}
                        </Badge>
                      )}
                    </Group>
                    <Group gap="md" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
                      {entry.phones.map((phone) => (
                        <li key={`${phone.type}:${phone.number}`}>
                          <Anchor href={phoneHref(phone.number, phone.type) ?? undefined} dir="ltr">
                            <Group gap={4} component="span">
                              <IconPhone size={16} aria-hidden />
                              {phone.type !== 'voice' && `${t(`phoneType.${phone.type}`)}: `}
                              {phone.number}
                            </Group>
                          </Anchor>
                          {phone.description && (
                            <Text span size="sm" c="dimmed" ms={6} dir="auto">
                              {phone.description}
                            </Text>
                          )}{' '}
                          {/* The same words and badge as the directory's, for the same numbers. */}
                          <TrustBadge verified={phoneVerified(entry, phone)} origin={undefined} />
                        </li>
                      ))}
                    </Group>
                    <HotlineChecked entry={entry} />
                    {entry.url && (
                      <Text size="sm">
                        <ExternalLink href={entry.url}>{t('country.website')}</ExternalLink>
                      </Text>
                    )}
                  </Stack>
                </Card>
              ))}
              <Anchor href={directoryHref(code)}>{t('country.openDirectory', { country: countryName })}</Anchor>
            </Stack>
          );
        }}
      </LoadState>
    </Stack>
  );
}

/** When a hotline was checked, or when its facts were read by, in the directory's words. */
function HotlineChecked({ entry }: { entry: DirectoryEntry }) {
  const { t, i18n } = useTranslation('directory');
  return (
    <Text size="xs" c="dimmed">
      {checkedSentence(entry, t, (iso) => formatPartialDate(iso, i18n.language))}
    </Text>
  );
}
