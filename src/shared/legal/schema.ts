import { z } from 'zod';
import { isCountryCode } from '../countries';

/*
 * The legal-references corpus shipped in resources/legal/. Everything here is public law and public
 * court records, written in the project's own plain words from the reference fact set (resources/legal/README.md).
 *
 * How dates are chosen (the reference files record no date on which anyone checked them, so none is
 * made up here):
 * - `lastVerified` is the "as of" date the reference gives for the entry's own source (for example the
 *   UN depositary status date behind a party count, or a ratification row's `as_of`). Words that name a
 *   date ("October 2022", "Wikipedia snapshot 2024-02") become that date; "c. 2021", "undated" or a
 *   document title give null. The UI shows null as "date not recorded".
 * - Dates may be partial (YYYY or YYYY-MM) where the source gives only a year or month; a fact the
 *   source does not give stays null, with the source's own caveat in the matching `...Note` field.
 * - Judgments carry no `lastVerified`-worthy date in the reference, so theirs is null.
 * - A country profile has no date of its own: each treaty status row keeps its own `asOf` (the date its
 *   source gives), `checked` (the day the row was confirmed against a source) and, where it could not be
 *   re-confirmed, `notConfirmedSince`; the UI shows them per row because the rows come from sources of
 *   different ages. Treaty rows are built by scripts/legal/build-countries.ts.
 *
 * Links: every link is https. Reference links given as http were upgraded to https (the app never
 * fetches them; they open in the system browser on a click). See resources/legal/README.md.
 */

export const languages = ['en', 'es', 'fr', 'ar'] as const;
export type Language = (typeof languages)[number];

const text = z.string().trim().min(1);

/** The same text in every interface language. */
export const localizedTextSchema = z.strictObject({ en: text, es: text, fr: text, ar: text });
export type LocalizedText = z.infer<typeof localizedTextSchema>;

function isRealDate(value: string): boolean {
  const [year, month, day] = value.split('-').map(Number);
  if (month === undefined) return true;
  if (month < 1 || month > 12) return false;
  if (day === undefined) return true;
  return day >= 1 && day <= new Date(Date.UTC(year ?? 0, month, 0)).getUTCDate();
}

/** ISO 8601 calendar date, possibly reduced to a month or a year (YYYY, YYYY-MM, YYYY-MM-DD). */
export const isoDateSchema = z
  .string()
  .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'expected YYYY, YYYY-MM or YYYY-MM-DD')
  .refine(isRealDate, 'not a calendar date');

const fullDateSchema = isoDateSchema.refine((value) => value.length === 10, 'expected YYYY-MM-DD');

export const httpsUrlSchema = z.url({ protocol: /^https$/, hostname: z.regexes.domain });

const countryCodeSchema = z.string().refine(isCountryCode, 'not an ISO 3166-1 alpha-2 code');

const slug = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const slugSchema = z.string().regex(slug, 'expected a lowercase slug');
/** `<instrument-id>#<provision>`, e.g. `cets-197#art-13`. */
export const provisionIdSchema = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*#[a-z0-9]+(-[a-z0-9]+)*$/);

export const topicIds = [
  'definition',
  'child-rule',
  'consent',
  'identification',
  'assistance',
  'recovery-reflection',
  'residence',
  'non-punishment',
  'compensation',
  'return',
  'child-protection',
  'prevention',
  'trafficking-vs-smuggling',
  'forced-labour',
] as const;
export const topicIdSchema = z.enum(topicIds);
export type TopicId = z.infer<typeof topicIdSchema>;

/** How the reference saw a source: on an official page, only in secondary copies, or not at all. */
export const sourceConfidenceSchema = z.enum(['seen-official', 'seen-secondary', 'inferred']);
/** Whether the provision's content was read in a source or is known only from elsewhere. */
export const provisionConfidenceSchema = z.enum(['seen', 'partly-seen', 'not-seen']);

export const provisionSchema = z.strictObject({
  id: provisionIdSchema,
  /** Article or section as the instrument writes it: "Article 3(a)", "Section 45", "22 U.S.C. § 7102". */
  label: text,
  /** A short heading in plain words; null when the content is not known here. */
  title: text.nullable(),
  summary: text,
  topics: z.array(topicIdSchema),
  confidence: provisionConfidenceSchema,
});
export type Provision = z.infer<typeof provisionSchema>;

const partiesSchema = z.strictObject({
  count: z.int().positive().nullable(),
  asOf: isoDateSchema.nullable(),
  /** The source's own wording where its date is vague or missing. */
  asOfNote: text.nullable(),
  note: text.nullable(),
  source: httpsUrlSchema,
});

export const instrumentSchema = z
  .strictObject({
    id: slugSchema,
    scope: z.enum(['international', 'regional', 'national']),
    region: z.enum(['council-of-europe', 'european-union', 'asean', 'saarc']).nullable(),
    /** Countries whose national law this is; empty for treaties. */
    jurisdictions: z.array(countryCodeSchema),
    kind: z.enum(['convention', 'protocol', 'treaty-article', 'eu-directive', 'national-law', 'guidance']),
    shortName: text,
    fullName: text,
    adoptingBody: text.nullable(),
    adopted: isoDateSchema.nullable(),
    adoptedNote: text.nullable(),
    entryIntoForce: isoDateSchema.nullable(),
    entryIntoForceNote: text.nullable(),
    parties: partiesSchema.nullable(),
    summary: text,
    /** Known doubts and conflicts between sources. */
    notes: text.nullable(),
    officialUrl: httpsUrlSchema.nullable(),
    sources: z.array(httpsUrlSchema).min(1),
    confidence: sourceConfidenceSchema,
    lastVerified: isoDateSchema.nullable(),
    provisions: z.array(provisionSchema),
  })
  .superRefine((instrument, ctx) => {
    if ((instrument.scope === 'national') !== instrument.jurisdictions.length > 0) {
      ctx.addIssue({ code: 'custom', message: 'national law needs jurisdictions; treaties have none', path: ['jurisdictions'] });
    }
    if ((instrument.scope === 'regional') !== (instrument.region !== null)) {
      ctx.addIssue({ code: 'custom', message: 'a regional instrument needs a region, others none', path: ['region'] });
    }
    if (!dateNotBefore(instrument.entryIntoForce, instrument.adopted)) {
      ctx.addIssue({ code: 'custom', message: 'entry into force precedes adoption', path: ['entryIntoForce'] });
    }
    instrument.provisions.forEach((provision, i) => {
      if (!provision.id.startsWith(`${instrument.id}#`)) {
        ctx.addIssue({ code: 'custom', message: `${provision.id} does not belong to ${instrument.id}`, path: ['provisions', i, 'id'] });
      }
    });
  });
export type Instrument = z.infer<typeof instrumentSchema>;

/**
 * Courts whose judgments the corpus records: the European and Inter-American human rights courts, the
 * ECOWAS Court and national appeal courts. The UI names them in the interface language.
 */
export const courts = ['ecthr', 'iacthr', 'ecowas-ccj', 'ewca-crim'] as const;
export const courtSchema = z.enum(courts);
export type Court = z.infer<typeof courtSchema>;
/** National courts judge no State: their judgments have no respondent States. */
const nationalCourts: readonly Court[] = ['ewca-crim'];

export const judgmentSchema = z
  .strictObject({
    id: slugSchema,
    /** The case name as the court published it. */
    name: text,
    court: courtSchema,
    formation: text,
    /** Application numbers (ECtHR: "25965/04"), or the court's own case or series numbers. */
    applicationNumbers: z.array(text).min(1),
    judgmentDate: fullDateSchema,
    finalDate: fullDateSchema.nullable(),
    applicants: z.array(text).min(1),
    respondentStates: z.array(countryCodeSchema),
    outcome: text,
    holding: text,
    /** A brief, non-graphic account of the facts. */
    context: text.nullable(),
    /** Provisions of this corpus that the judgment interprets; empty when it applied only law the corpus does not hold. */
    interprets: z.array(provisionIdSchema),
    /** Other articles the judgment also decided on, as the court cites them. */
    alsoConcerns: z.array(text),
    topics: z.array(topicIdSchema),
    citations: z.array(text),
    notes: text.nullable(),
    sources: z.array(httpsUrlSchema).min(1),
    confidence: sourceConfidenceSchema,
    lastVerified: isoDateSchema.nullable(),
  })
  .superRefine((judgment, ctx) => {
    if (!dateNotBefore(judgment.finalDate, judgment.judgmentDate)) {
      ctx.addIssue({ code: 'custom', message: 'final date precedes the judgment', path: ['finalDate'] });
    }
    if (judgment.court === 'ecthr') {
      judgment.applicationNumbers.forEach((number, i) => {
        if (!/^\d{1,6}\/\d{2}$/.test(number)) ctx.addIssue({ code: 'custom', message: 'not an ECtHR application number', path: ['applicationNumbers', i] });
      });
      if (judgment.interprets.length === 0) ctx.addIssue({ code: 'custom', message: 'an ECtHR judgment interprets Article 4', path: ['interprets'] });
    }
    if (nationalCourts.includes(judgment.court) !== (judgment.respondentStates.length === 0)) {
      ctx.addIssue({ code: 'custom', message: 'international courts name respondent States; national courts none', path: ['respondentStates'] });
    }
  });
export type Judgment = z.infer<typeof judgmentSchema>;

export const topicSchema = z.strictObject({
  id: topicIdSchema,
  name: localizedTextSchema,
  description: localizedTextSchema,
  provisionIds: z.array(provisionIdSchema),
});
export type Topic = z.infer<typeof topicSchema>;

/** One row of "who is party to what", as a ratification source stated it on its as-of date. */
export const treatyStatusSchema = z.strictObject({
  instrumentId: slugSchema,
  status: z.enum(['party', 'signatory', 'not-party', 'denounced']),
  signed: fullDateSchema.nullable(),
  /** Date of ratification, accession etc.; null whenever the exact date was not seen. */
  consent: fullDateSchema.nullable(),
  consentType: z.enum(['ratification', 'accession', 'acceptance', 'approval', 'succession']).nullable(),
  entryIntoForce: fullDateSchema.nullable(),
  asOf: isoDateSchema.nullable(),
  asOfNote: text.nullable(),
  source: httpsUrlSchema,
  confidence: z.enum(['high', 'medium', 'low']),
  /** The day someone read a source and confirmed this row; null when never re-checked. */
  checked: fullDateSchema.nullable(),
  /** Set when a check could not re-confirm the row: the year of the newest source that did (YYYY). */
  notConfirmedSince: z
    .string()
    .regex(/^\d{4}$/)
    .nullable(),
  /** What the reference records about the row: corrections, doubts, other sources (English). */
  note: text.nullable(),
  /** The depositary's page listing the current parties, where one was read. */
  statusPage: httpsUrlSchema.nullable(),
});
export type TreatyStatus = z.infer<typeof treatyStatusSchema>;

export const nationalLawSchema = z.strictObject({
  /** Set when the corpus has an instrument entry for this law. */
  instrumentId: slugSchema.nullable(),
  name: text,
  sources: z.array(httpsUrlSchema).min(1),
  confidence: sourceConfidenceSchema,
});
export type NationalLaw = z.infer<typeof nationalLawSchema>;

export const referralMechanismSchema = z.strictObject({
  name: text,
  summary: text,
  sources: z.array(httpsUrlSchema).min(1),
  confidence: sourceConfidenceSchema,
});
export type ReferralMechanism = z.infer<typeof referralMechanismSchema>;

export const countryProfileSchema = z.strictObject({
  code: countryCodeSchema,
  /** English name, for reading the data; the UI names countries with Intl.DisplayNames. */
  name: text,
  treaties: z.array(treatyStatusSchema),
  nationalLaws: z.array(nationalLawSchema),
  referralMechanism: referralMechanismSchema.nullable(),
  sources: z.array(httpsUrlSchema),
});
export type CountryProfile = z.infer<typeof countryProfileSchema>;

/** resources/legal/build-info.json: when the country profiles' treaty rows were built, and from what. */
export const buildInfoSchema = z.strictObject({
  builtAt: fullDateSchema,
  /** The day the reference facts the rows come from were last fact-checked. */
  referenceDate: fullDateSchema,
});
export type BuildInfo = z.infer<typeof buildInfoSchema>;

export const explainerSectionSchema = z.strictObject({
  heading: localizedTextSchema,
  paragraphs: z.array(localizedTextSchema).min(1),
  provisionIds: z.array(provisionIdSchema).min(1),
});

export const explainerSchema = z.strictObject({
  id: slugSchema,
  title: localizedTextSchema,
  sections: z.array(explainerSectionSchema).min(1),
});
export type Explainer = z.infer<typeof explainerSchema>;

function duplicates(values: string[]): string[] {
  return values.filter((value, i) => values.indexOf(value) !== i);
}

/** The whole corpus, with every cross-reference checked. */
export const legalCorpusSchema = z
  .strictObject({
    instruments: z.array(instrumentSchema),
    judgments: z.array(judgmentSchema),
    topics: z.array(topicSchema),
    countries: z.array(countryProfileSchema),
    explainers: z.array(explainerSchema),
  })
  .superRefine((corpus, ctx) => {
    const problem = (message: string) => ctx.addIssue({ code: 'custom', message });
    const instrumentIds = new Set(corpus.instruments.map((i) => i.id));
    const provisions = corpus.instruments.flatMap((i) => i.provisions);
    const provisionIds = new Set(provisions.map((p) => p.id));
    const checkProvision = (id: string, where: string) => {
      if (!provisionIds.has(id)) problem(`${where} cites unknown provision ${id}`);
    };

    const ids: [string, string[]][] = [
      ['instrument', corpus.instruments.map((i) => i.id)],
      ['provision', provisions.map((p) => p.id)],
      ['judgment', corpus.judgments.map((j) => j.id)],
      ['topic', corpus.topics.map((t) => t.id)],
      ['country', corpus.countries.map((c) => c.code)],
      ['explainer', corpus.explainers.map((e) => e.id)],
    ];
    for (const [kind, list] of ids) {
      for (const id of duplicates(list)) problem(`duplicate ${kind} id ${id}`);
    }

    for (const topicId of topicIds) {
      const topic = corpus.topics.find((t) => t.id === topicId);
      if (!topic) {
        problem(`topic ${topicId} is missing`);
        continue;
      }
      topic.provisionIds.forEach((id) => checkProvision(id, `topic ${topicId}`));
      // Provisions name their topics and topics list their provisions: both must say the same.
      const expected = provisions.filter((p) => p.topics.includes(topicId)).map((p) => p.id);
      const listed = new Set(topic.provisionIds);
      if (expected.length !== listed.size || expected.some((id) => !listed.has(id))) {
        problem(`topic ${topicId} does not list exactly the provisions tagged with it`);
      }
    }
    for (const judgment of corpus.judgments) {
      judgment.interprets.forEach((id) => checkProvision(id, `judgment ${judgment.id}`));
    }
    for (const explainer of corpus.explainers) {
      explainer.sections.forEach((section) => section.provisionIds.forEach((id) => checkProvision(id, `explainer ${explainer.id}`)));
    }
    for (const country of corpus.countries) {
      for (const row of country.treaties) {
        if (!instrumentIds.has(row.instrumentId)) problem(`country ${country.code} names unknown instrument ${row.instrumentId}`);
      }
      for (const id of duplicates(country.treaties.map((row) => row.instrumentId))) {
        problem(`country ${country.code} lists ${id} twice`);
      }
      for (const law of country.nationalLaws) {
        if (law.instrumentId === null) continue;
        const instrument = corpus.instruments.find((i) => i.id === law.instrumentId);
        if (!instrument) problem(`country ${country.code} names unknown law ${law.instrumentId}`);
        else if (!instrument.jurisdictions.includes(country.code)) problem(`${law.instrumentId} is not a law of ${country.code}`);
      }
    }
  });
export type LegalCorpus = z.infer<typeof legalCorpusSchema>;

/**
 * True when `later` is not before `earlier` (or either is unknown). Partial dates compare at the
 * precision they share, so "1999" is not before "1999-06-17".
 */
export function dateNotBefore(later: string | null, earlier: string | null): boolean {
  if (later === null || earlier === null) return true;
  const length = Math.min(later.length, earlier.length);
  return later.slice(0, length) >= earlier.slice(0, length);
}
