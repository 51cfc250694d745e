/**
 * Rebuilds the treaty rows of resources/legal/countries.json from the reference facts' ratifications.json,
 * keeping everything written by hand: the list of countries, their national laws and referral mechanisms,
 * and the treaty rows that come from elsewhere (ACTIP and SAARC, see resources/legal/README.md).
 * Also writes resources/legal/build-info.json (what the rows were built from, and when).
 * Usage: npx tsx scripts/legal/build-countries.ts <referenceDir> [legalDir]
 * The output is committed; the app and CI never read the reference folder.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { latestDate } from '../directory/reference';
import { buildInfoSchema, countryProfileSchema } from '../../src/shared/legal/schema';
import type { BuildInfo, CountryProfile, TreatyStatus } from '../../src/shared/legal/schema';

export interface ReferenceRatification {
  instrument_id: string;
  country_iso2: string;
  signature: string | null;
  consent: string | null;
  consent_type: TreatyStatus['consentType'];
  entry_into_force?: string | null;
  party_status: 'party' | 'signatory' | 'not party' | 'denounced';
  source: string;
  as_of: string | null;
  confidence: TreatyStatus['confidence'];
  note?: string | null;
  checked?: string;
  refresh?: string;
}

/**
 * Reference instrument ids -> corpus ids, and the depositary page that shows each one's current parties;
 * in the order a profile lists them.
 */
const instruments: Record<string, { id: string; statusPage: string | null }> = {
  'UN-XVIII-12-a': { id: 'palermo-tip-protocol', statusPage: untc('XVIII-12-a', 18) },
  'UN-XVIII-12': { id: 'untoc', statusPage: untc('XVIII-12', 18) },
  'UN-XVIII-12-b': { id: 'smuggling-protocol', statusPage: untc('XVIII-12-b', 18) },
  // The Council of Europe's and the ILO's own status pages were not read: no address is made up for them.
  'CoE-CETS-197': { id: 'cets-197', statusPage: null },
  'ILO-C029': { id: 'ilo-c29', statusPage: null },
  'ILO-P029': { id: 'ilo-p29', statusPage: null },
  'ILO-C105': { id: 'ilo-c105', statusPage: null },
  'ILO-C182': { id: 'ilo-c182', statusPage: null },
  'UN-IV-11-c': { id: 'opsc', statusPage: untc('IV-11-c', 4) },
  'CoE-CETS-201': { id: 'lanzarote-cets-201', statusPage: null },
};
const instrumentOrder = Object.keys(instruments);

/** The UN Treaty Collection's status page, in the form the reference notes cite. */
function untc(mtdsg: string, chapter: number): string {
  return `https://treaties.un.org/Pages/ViewDetails.aspx?src=TREATY&mtdsg_no=${mtdsg}&chapter=${chapter}&lang=en`;
}

function fail(message: string): never {
  throw new Error(message);
}

const https = (url: string) => url.replace(/^http:\/\//, 'https://');

/**
 * `as_of` as a date where it is one ("2014-01-27", "October 2022 (as stated on the page)"), with the
 * reference's words kept beside it when they say more; "undated ..." and "c. 2021" give no date.
 */
function asOf(note: string | null): Pick<TreatyStatus, 'asOf' | 'asOfNote'> {
  if (note === null) return { asOf: null, asOfNote: null };
  const leading = /^\d{4}(-\d{2}(-\d{2})?)?\b/.exec(note)?.[0];
  const date = leading ?? (/^(undated|c\.)/.test(note) ? null : latestDate(note));
  return { asOf: date, asOfNote: date === note ? null : note };
}

/** "not confirmed since 2014" -> "2014"; any other wording stops the build, so a person reads it. */
function notConfirmedSince(refresh: string | undefined): string | null {
  if (refresh === undefined) return null;
  return /^not confirmed since (\d{4})$/.exec(refresh)?.[1] ?? fail(`Unexpected refresh "${refresh}"`);
}

export function treatyRow(r: ReferenceRatification): TreatyStatus {
  const instrument = instruments[r.instrument_id] ?? fail(`Unknown instrument ${r.instrument_id}`);
  return {
    instrumentId: instrument.id,
    status: r.party_status === 'not party' ? 'not-party' : r.party_status,
    signed: r.signature,
    consent: r.consent,
    consentType: r.consent_type,
    entryIntoForce: r.entry_into_force ?? null,
    ...asOf(r.as_of),
    source: https(r.source),
    confidence: r.confidence,
    checked: r.checked ?? null,
    notConfirmedSince: notConfirmedSince(r.refresh),
    note: r.note ?? null,
    statusPage: instrument.statusPage,
  };
}

const generatedIds = new Set(Object.values(instruments).map((i) => i.id));

/** Replaces each profile's rows from the reference; rows of other instruments and every other field are kept. */
export function buildCountries(previous: CountryProfile[], ratifications: ReferenceRatification[]): CountryProfile[] {
  return previous.map((profile) => {
    const treaties = [
      ...ratifications
        .filter((r) => r.country_iso2 === profile.code)
        .sort((a, b) => instrumentOrder.indexOf(a.instrument_id) - instrumentOrder.indexOf(b.instrument_id))
        .map(treatyRow),
      ...profile.treaties.filter((row) => !generatedIds.has(row.instrumentId)),
    ];
    const sources = [...treaties.map((row) => row.source), ...profile.nationalLaws.flatMap((law) => law.sources), ...(profile.referralMechanism?.sources ?? [])];
    return countryProfileSchema.parse({ ...profile, treaties, sources: [...new Set(sources)] });
  });
}

/** Built from the reference's newest check date (not the clock), so unchanged input gives identical files. */
export function buildInfo(ratifications: ReferenceRatification[]): BuildInfo {
  const checked = ratifications
    .map((r) => r.checked)
    .filter((d): d is string => d !== undefined)
    .sort();
  const referenceDate = checked.at(-1) ?? fail('No ratification row says when it was checked');
  return buildInfoSchema.parse({ builtAt: referenceDate, referenceDate });
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const referenceDir = process.argv[2];
  if (referenceDir === undefined) {
    console.error('Usage: npx tsx scripts/legal/build-countries.ts <reference folder> [legal folder]');
    process.exit(2);
  }
  const legalDir = process.argv[3] ?? resolve(import.meta.dirname, '../../resources/legal');
  const ratifications = JSON.parse(readFileSync(resolve(referenceDir, 'ratifications.json'), 'utf8')) as ReferenceRatification[];
  const previous = JSON.parse(readFileSync(resolve(legalDir, 'countries.json'), 'utf8')) as CountryProfile[];
  const countries = buildCountries(previous, ratifications);
  writeFileSync(resolve(legalDir, 'countries.json'), `${JSON.stringify(countries, null, 2)}\n`);
  writeFileSync(resolve(legalDir, 'build-info.json'), `${JSON.stringify(buildInfo(ratifications), null, 2)}\n`);
  const palermo = countries.flatMap((c) => c.treaties).filter((row) => row.instrumentId === 'palermo-tip-protocol');
  console.log(
    `Wrote ${countries.length} country profiles, ${countries.reduce((n, c) => n + c.treaties.length, 0)} treaty rows; ` +
      `Trafficking Protocol rows: ${palermo.length}, confirmed since 2020: ${palermo.filter((row) => row.notConfirmedSince === null && (row.checked ?? '') >= '2020').length}`,
  );
}
