import { describe, expect, it } from 'vitest';
import { dialable, isEmailAddress, isWebLink, mailtoHref, phoneHref } from '@shared/contact-links';
import { parseHsdsJson, parseHsdsPackage } from '@shared/hsds/import-read';
import { planImport } from '@shared/hsds/import-plan';

const hostileEmails = [
  'help@example.org?attach=/etc/passwd',
  'help@example.org?body=hello',
  'help@example.org&cc=boss@example.org',
  'help@example.org,boss@example.org',
  'help@example.org boss@example.org',
  'help@example.org\r\nBcc: boss@example.org',
  'help%40example.org@evil.test',
  'javascript:alert(1)//@example.org',
  '<help@example.org>',
  'help@localhost',
  '',
];

describe('links built from directory data', () => {
  it('accepts an e-mail address, in any script, and nothing else', () => {
    for (const email of ['help@example.org', 'first.last+tag@mail.example.co.uk', "o'neill@example.ie", 'ayuda@ejemplo.es', 'معلومات@مثال.مصر']) {
      expect(isEmailAddress(email), email).toBe(true);
      expect(mailtoHref(email)).toBe(`mailto:${email}`);
    }
    for (const email of hostileEmails) {
      expect(isEmailAddress(email), email).toBe(false);
      expect(mailtoHref(email)).toBeNull();
    }
  });

  it('builds tel: and sms: links from the digits of a number only', () => {
    expect(phoneHref('08000 121 700', 'voice')).toBe('tel:08000121700');
    expect(phoneHref('+1-802-872-6199', 'voice')).toBe('tel:+18028726199');
    expect(phoneHref('233733', 'text')).toBe('sms:233733');
    expect(phoneHref('*123#', 'voice')).toBe('tel:*123%23');
    expect(phoneHref('+44 20 7946 0000?call=now&x=javascript:alert()', 'voice')).toBe('tel:+442079460000');
    expect(dialable('1+2+3')).toBe('123');
    expect(phoneHref('call us', 'voice')).toBeNull();
    expect(phoneHref('1'.repeat(33), 'voice')).toBeNull();
  });

  it('makes links of https pages on the internet only', () => {
    for (const url of ['https://www.unodc.org/unodc/en/human-trafficking/', 'https://example.org:8443/a?b=c#d', 'https://réseau.example.fr/'])
      expect(isWebLink(url), url).toBe(true);
    for (const url of [
      'http://example.org/',
      'https://user:pass@example.org/',
      'https://example.org@evil.test/',
      'https://example.org\\@evil.test/',
      'https://localhost/',
      'https://printer.local/',
      'https://192.168.1.1/',
      'https://[::1]/',
      'https://intranet/',
      'javascript:alert(1)',
      'https://exa mple.org/',
      'file:///etc/passwd',
    ]) {
      expect(isWebLink(url), url).toBe(false);
    }
  });
});

function serviceWithEmails(email: string, contactEmail: string): string {
  return JSON.stringify({
    id: '2a1c4a4e-5b8d-4b8e-9d4f-1d2e3f4a5b6c',
    name: 'Help line',
    status: 'active',
    email,
    contacts: [{ id: '3b2d5b5f-6c9e-4c9f-8e5a-2e3f4a5b6c7d', email: contactEmail }],
  });
}

describe('HSDS import accepts an e-mail address only', () => {
  it.each(hostileEmails.filter((e) => e.trim() !== ''))('refuses %j in a service and in a contact, as not an e-mail address', (email) => {
    const plan = planImport(parseHsdsJson(serviceWithEmails(email, email), 'import.json'), []);
    expect(plan.ok).toBe(false);
    expect(plan.errors.map((e) => [e.field, e.code])).toEqual([
      ['email', 'notEmail'],
      ['email', 'notEmail'],
    ]);
  });

  it('reads a blank e-mail as none, and trims one with spaces around it', () => {
    const plan = planImport(parseHsdsJson(serviceWithEmails('  help@example.org ', ''), 'import.json'), []);
    expect(plan.ok).toBe(true);
    expect(plan.toAdd[0]!.emails).toEqual(['help@example.org']);
  });

  it('refuses one in a CSV package too', () => {
    const services = 'id,name,status,email\r\n2a1c4a4e-5b8d-4b8e-9d4f-1d2e3f4a5b6c,Help line,active,help@example.org?attach=/etc/passwd\r\n';
    const plan = planImport(parseHsdsPackage({ 'services.csv': services }), []);
    expect(plan.errors).toEqual([{ file: 'services.csv', row: 2, field: 'email', code: 'notEmail' }]);
  });
});
