import { seededRandom } from '../../tests/support/seeded-random';
import type { DirectoryEntry, DirectoryOrganization } from '../../src/shared/hsds/directory';
import { contactChannels, populations, serviceTypes } from '../../src/shared/hsds/taxonomy';
import { directoryId } from '../../src/shared/hsds/uuid';

/**
 * A deterministic, realistic directory of any size: names and ~30-word descriptions from a mixed English,
 * French, Spanish, Russian and Arabic vocabulary, 1-3 countries, services, languages and phone numbers.
 */

const descriptionWords = (
  'support help advice referral shelter safe accommodation legal aid lawyer representation medical care health counselling ' +
  'psychosocial trauma interpretation interpreter language labour rights wages workers employment recruitment debt bondage ' +
  'exploitation trafficking smuggling migrant migration return reintegration children women men family community outreach ' +
  'confidential free anonymous national regional local hotline helpline phone line chat email report concern police ' +
  'authorities identification assessment case management social services housing education training documents residence ' +
  'permit asylum protection victims survivors persons affected forced marriage domestic servitude sexual labour begging ' +
  'criminal activities organ removal online grooming prevention awareness campaign schools employers embassy consulate ' +
  'information guidance professionals caseworkers network partners government ministry office centre center foundation ' +
  'association alliance coalition program project services available daily evenings weekends languages including english ' +
  'french spanish arabic russian ukrainian romanian bulgarian polish thai vietnamese tagalog nepali amharic tigrinya ' +
  'aide juridique hébergement sécurité écoute accompagnement victimes traite êtres humains protección víctimas trata ' +
  'asistencia jurídica atención niños mujeres помощь защита жертвы торговля людьми консультация убежище горячая линия ' +
  'مساعدة حماية ضحايا الاتجار بالبشر استشارة قانونية مأوى آمن خط ساخن العمال المهاجرين الأطفال النساء'
).split(' ');

const nameHeads = [
  'Hope',
  'Safe Haven',
  'New Dawn',
  'Bridge',
  'Harbour',
  'Open Door',
  'Lighthouse',
  'Compass',
  'Anchor',
  'Horizon',
  'Freedom',
  'Solidarity',
  'Dignity',
  'Nadezhda',
  'Надежда',
  'Свобода',
  'Amal',
  'أمل',
  'الأمان',
  'Esperanza',
  'Libertad',
  'Refuge',
  'Abri',
  'Éclaircie',
  'Kinderschutz',
  'Frauenhaus',
  'Sunrise',
  'Pathways',
  'Shelterwise',
  'Haven House',
];
const nameKinds = [
  'Hotline',
  'Helpline',
  'Shelter',
  'Legal Clinic',
  'Counselling Centre',
  'Migrant Workers Centre',
  'Child Protection Line',
  'Women’s Shelter',
  'Outreach Team',
  'Referral Point',
  'Linea de Ayuda',
  'Centre d’accueil',
  'Горячая линия',
  'خط المساعدة',
];
const cities = [
  'Lviv',
  'Kyiv',
  'Chișinău',
  'Bucharest',
  'Sofia',
  'Warsaw',
  'Berlin',
  'Paris',
  'Lyon',
  'Madrid',
  'Lisbon',
  'Rome',
  'Athens',
  'Istanbul',
  'Beirut',
  'Amman',
  'Cairo',
  'Tunis',
  'Casablanca',
  'Lagos',
  'Accra',
  'Nairobi',
  'Addis Ababa',
  'Dhaka',
  'Kathmandu',
  'Manila',
  'Bangkok',
  'Hanoi',
  'Jakarta',
  'Mexico City',
  'Bogotá',
  'Lima',
  'São Paulo',
  'Toronto',
  'Chicago',
  'Doha',
  'Dubai',
];
const countries = [
  'UA',
  'MD',
  'RO',
  'BG',
  'PL',
  'DE',
  'FR',
  'ES',
  'PT',
  'IT',
  'GR',
  'TR',
  'LB',
  'JO',
  'EG',
  'TN',
  'MA',
  'NG',
  'GH',
  'KE',
  'ET',
  'BD',
  'NP',
  'PH',
  'TH',
  'VN',
  'ID',
  'MX',
  'CO',
  'PE',
  'BR',
  'CA',
  'US',
  'QA',
  'AE',
  'GB',
  'NL',
  'BE',
  'AT',
  'CH',
  'SE',
  'NO',
  'IN',
  'PK',
];
const languages = ['en', 'fr', 'es', 'ar', 'ru', 'uk', 'ro', 'bg', 'pl', 'th', 'vi', 'tl', 'ne', 'am', 'ti', 'pt', 'tr', 'hi', 'ur'];

function pick<T>(next: () => number, items: readonly T[]): T {
  return items[Math.floor(next() * items.length)]!;
}

function some<T>(next: () => number, items: readonly T[], min: number, max: number): T[] {
  const count = min + Math.floor(next() * (max - min + 1));
  const chosen = new Set<T>();
  while (chosen.size < count) chosen.add(pick(next, items));
  return [...chosen];
}

function digits(next: () => number, count: number): string {
  let text = '';
  for (let i = 0; i < count; i++) text += Math.floor(next() * 10);
  return text;
}

export function generateOrganizations(count: number, seed = 7): DirectoryOrganization[] {
  const next = seededRandom(seed);
  return Array.from({ length: count }, (_, i) => ({
    id: directoryId(`bench-organization|${i}`),
    name: `${pick(next, nameHeads)} ${pick(next, ['Foundation', 'Association', 'Network', 'Alliance', 'Initiative'])} ${pick(next, cities)}`,
    alternateName: null,
    description: some(next, descriptionWords, 10, 20).join(' '),
    website: `https://example.org/${i}`,
    emails: [`contact${i}@example.org`],
    phones: [{ number: `+${digits(next, 2)} ${digits(next, 3)} ${digits(next, 4)}`, type: 'voice', description: null, emergencyRoles: [] }],
    headquarters: { address: `${1 + (i % 200)} Main Street`, city: pick(next, cities), country: pick(next, countries), confidential: false },
    verified: next() < 0.5,
    confidence: 'seen-secondary',
    checked: null,
    readBy: '2026-11',
    sourceDate: null,
    notes: null,
    sources: [`https://example.org/${i}/about`],
  }));
}

export function generateEntries(count: number, organizations: readonly DirectoryOrganization[], seed = 11): DirectoryEntry[] {
  const next = seededRandom(seed);
  return Array.from({ length: count }, (_, i) => {
    const verified = next() < 0.4;
    const is24x7 = next() < 0.3 ? true : next() < 0.5 ? false : null;
    return {
      id: directoryId(`bench-service|${i}`),
      organizationId: organizations.length > 0 && next() < 0.8 ? pick(next, organizations).id : null,
      name: `${pick(next, nameHeads)} ${pick(next, nameKinds)} ${pick(next, cities)}`,
      alternateName: next() < 0.2 ? `${pick(next, nameHeads)} ${pick(next, nameKinds)}` : null,
      description: some(next, descriptionWords, 26, 34).join(' '),
      countries: some(next, countries, 1, 3),
      services: some(next, serviceTypes, 1, 3),
      populations: some(next, populations, 0, 2),
      channels: some(next, contactChannels, 1, 3),
      languages: some(next, languages, 1, 3),
      is24x7,
      hours: is24x7 === true ? '24 hours, 7 days' : next() < 0.5 ? 'Mon-Fri 9:00-17:00' : null,
      phones: Array.from({ length: 1 + Math.floor(next() * 2) }, () => ({
        number: `+${digits(next, 2)} ${digits(next, 3)} ${digits(next, 3)} ${digits(next, 4)}`,
        type: next() < 0.8 ? ('voice' as const) : ('text' as const),
        description: next() < 0.3 ? 'free from landlines' : null,
        emergencyRoles: [],
      })),
      emails: next() < 0.6 ? [`service${i}@example.org`] : [],
      url: next() < 0.7 ? `https://example.org/services/${i}` : null,
      fallback: next() < 0.1,
      confidentialAddress: next() < 0.05,
      verified,
      confidence: verified ? 'seen-official' : 'seen-secondary',
      checked: verified ? '2026-12-07' : null,
      readBy: verified ? null : '2026-11-28',
      sourceDate: null,
      notes: null,
      sources: [`https://example.org/sources/${i}`],
    };
  });
}

export const benchVocabulary = { descriptionWords, nameHeads, nameKinds, cities };
