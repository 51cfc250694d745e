import { Anchor, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { LegalIndex } from '@shared/legal/corpus';
import type { Instrument } from '@shared/legal/schema';
import { BackLink, CorpusDate, EnglishOnlyNote, ExternalLink, LegalNote, Sources, useEnglishText } from '../LegalParts';
import { legalPaths } from '../paths';
import { Facts, JudgmentCard, ProvisionCard } from './Parts';
import { NotFound } from './NotFound';

export function InstrumentPage({ index, id }: { index: LegalIndex; id: string }) {
  const { t } = useTranslation('legal');
  const english = useEnglishText();
  const instrument = index.instruments.get(id);
  if (!instrument) return <NotFound />;
  const judgments = index.corpus.judgments.filter((judgment) => judgment.interprets.some((provisionId) => index.provisionInstrument.get(provisionId) === instrument));

  return (
    <Stack gap="lg">
      <Stack gap="xs">
        <BackLink href={legalPaths.home} label={t('backToLegal')} />
        <Title order={1} tabIndex={-1} {...english}>
          {instrument.shortName}
        </Title>
        <Text c="dimmed" {...english}>
          {instrument.fullName}
        </Text>
      </Stack>
      <LegalNote source={instrument} />
      <EnglishOnlyNote />
      <Text maw="72ch" {...english}>
        {instrument.summary}
      </Text>
      <InstrumentFacts instrument={instrument} />

      <Stack gap="sm" component="section" aria-labelledby="instrument-provisions">
        <Title order={2} size="h3" id="instrument-provisions">
          {t('instrument.provisions')}
        </Title>
        {instrument.provisions.length === 0 ? (
          <Text c="dimmed">{t('instrument.noProvisions')}</Text>
        ) : (
          instrument.provisions.map((provision) => <ProvisionCard key={provision.id} index={index} provision={provision} />)
        )}
      </Stack>

      <Stack gap="sm" component="section" aria-labelledby="instrument-judgments">
        <Title order={2} size="h3" id="instrument-judgments">
          {t('judgments')}
        </Title>
        {judgments.length === 0 ? <Text c="dimmed">{t('instrument.noJudgments')}</Text> : judgments.map((judgment) => <JudgmentCard key={judgment.id} judgment={judgment} />)}
      </Stack>

      <Stack gap="sm" component="section" aria-labelledby="instrument-sources">
        <Title order={2} size="h3" id="instrument-sources">
          {t('sourceAndVerification')}
        </Title>
        {instrument.notes && (
          <Text size="sm" {...english}>
            {t('instrument.notes')} {instrument.notes}
          </Text>
        )}
        <Text size="sm">
          {t(`sourceConfidence.${instrument.confidence}`)} {t('note.sourceDated')} <CorpusDate value={instrument.lastVerified} />
        </Text>
        <Sources urls={instrument.sources} />
      </Stack>
    </Stack>
  );
}

function InstrumentFacts({ instrument }: { instrument: Instrument }) {
  const { t, i18n } = useTranslation('legal');
  const english = useEnglishText();
  const names = new Intl.DisplayNames([i18n.language], { type: 'region' });
  const dateWithNote = (date: string | null, note: string | null) => (
    <Stack gap={2}>
      <span>
        <CorpusDate value={date} />
      </span>
      {note && (
        <Text size="sm" c="dimmed" {...english}>
          {note}
        </Text>
      )}
    </Stack>
  );
  const parties = instrument.parties;

  return (
    <Facts
      label={t('instrument.facts')}
      rows={[
        [t('instrument.fullName'), <span {...english}>{instrument.fullName}</span>],
        [t('instrument.kind'), `${t(`instrumentKind.${instrument.kind}`)} · ${instrument.region ? t(`region.${instrument.region}`) : t(`scope.${instrument.scope}`)}`],
        instrument.jurisdictions.length > 0
          ? [
              t('instrument.jurisdictions'),
              instrument.jurisdictions.map((code, i) => (
                <span key={code}>
                  {i > 0 && ', '}
                  <Anchor component={Link} href={legalPaths.country(code)}>
                    {names.of(code) ?? code}
                  </Anchor>
                </span>
              )),
            ]
          : null,
        [t('instrument.adoptingBody'), instrument.adoptingBody ? <span {...english}>{instrument.adoptingBody}</span> : t('notRecorded')],
        [t('instrument.adopted'), dateWithNote(instrument.adopted, instrument.adoptedNote)],
        [t('instrument.entryIntoForce'), dateWithNote(instrument.entryIntoForce, instrument.entryIntoForceNote)],
        parties
          ? [
              t('instrument.parties'),
              <Stack gap={2}>
                <span>
                  {parties.count === null ? t('notRecorded') : new Intl.NumberFormat(i18n.language).format(parties.count)}
                  {parties.asOf !== null && (
                    <>
                      {' · '}
                      {t('asOf')} <CorpusDate value={parties.asOf} />
                    </>
                  )}
                </span>
                {[parties.asOfNote, parties.note].map(
                  (note) =>
                    note && (
                      <Text key={note} size="sm" c="dimmed" {...english}>
                        {note}
                      </Text>
                    ),
                )}
                <span>
                  <ExternalLink href={parties.source}>{t('instrument.partiesSource')}</ExternalLink>
                </span>
              </Stack>,
            ]
          : null,
        [t('instrument.officialText'), instrument.officialUrl ? <ExternalLink href={instrument.officialUrl} /> : t('note.noOfficialLink')],
      ]}
    />
  );
}
