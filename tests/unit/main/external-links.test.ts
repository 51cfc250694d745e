import { describe, expect, it } from 'vitest';
import { isAllowedExternalUrl } from '../../../src/main/security/external-links';

// Links reach main from the renderer, which shows imported directory data: a contact link must be one address or number.
describe('isAllowedExternalUrl: contact links carry nothing but the address or number', () => {
  it.each(['mailto:help@humantraffickinghotline.org', 'mailto:ayuda@ejemplo.es', 'tel:+18883737888', 'tel:*123%23', 'sms:233733', 'https://www.unodc.org/?lang=en#top'])(
    'allows %s',
    (url) => expect(isAllowedExternalUrl(url)).toBe(true),
  );

  it.each([
    'mailto:help@example.org?attach=/etc/passwd',
    'mailto:help@example.org?body=Please%20call',
    'mailto:help@example.org?',
    'mailto:?to=help@example.org',
    'mailto:help@example.org,boss@example.org',
    'mailto:help@example.org#x',
    'mailto:not-an-address',
    'tel:+18883737888?call=now',
    'sms:233733?body=STOP',
    'tel:',
    'tel:call-us',
  ])('refuses %s', (url) => expect(isAllowedExternalUrl(url)).toBe(false));
});
