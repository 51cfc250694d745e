/**
 * ISO 3166-1 alpha-2 codes of countries and territories. Names come from Intl.DisplayNames in the
 * interface language, so no translated list is kept here.
 */
export const countryCodes = (
  'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ ' +
  'CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR ' +
  'GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP ' +
  'KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT ' +
  'MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW ' +
  'SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG ' +
  'UM US UY UZ VA VC VE VG VI VN VU WF WS XK YE YT ZA ZM ZW'
).split(' ');

export function isCountryCode(value: string): boolean {
  return countryCodes.includes(value);
}

/**
 * Area codes that stand for a group of countries. "EU" (exceptionally reserved in ISO 3166-1 for the
 * European Union) marks a service for the whole Union, such as the 116 000 hotline for missing children:
 * it is stored once, with the area "EU", and is shown for each member state.
 */
export const wideAreas: Readonly<Record<string, readonly string[]>> = {
  // The 27 member states since 1 February 2020; change this list when membership changes.
  EU: 'AT BE BG CY CZ DE DK EE ES FI FR GR HR HU IE IT LT LU LV MT NL PL PT RO SE SI SK'.split(' '),
};

/** The area codes an entry may carry to serve `country`: the country itself, then each wider area it belongs to ("DE" -> DE, EU). */
export function areasCovering(country: string): string[] {
  return [country, ...Object.keys(wideAreas).filter((area) => wideAreas[area]!.includes(country))];
}

/** Whether an entry listed for `areas` serves `country`, itself or through a wider area. */
export function servesCountry(areas: readonly string[], country: string): boolean {
  return areasCovering(country).some((area) => areas.includes(area));
}

/**
 * The wider area through which an entry listed for `areas` serves `country` ('EU' for the 116 000 in
 * Germany); undefined when it is listed for the country itself, or does not serve it.
 */
export function wideAreaServing(areas: readonly string[], country: string): string | undefined {
  if (areas.includes(country)) return undefined;
  return areasCovering(country).find((area) => area !== country && areas.includes(area));
}
