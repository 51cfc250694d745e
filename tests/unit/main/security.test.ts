import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../../src/main/security/csp';
import { isAllowedExternalUrl } from '../../../src/main/security/external-links';
import { isAppRequest } from '../../../src/main/security/session';
import { resolveStaticFile } from '../../../src/main/services/static-files';

describe('isAllowedExternalUrl', () => {
  it.each([
    'https://www.unodc.org/unodc/en/human-trafficking/',
    'https://humantraffickinghotline.org',
    'mailto:help@humantraffickinghotline.org',
    'tel:+18883737888',
    'sms:233733',
  ])('allows %s', (url) => expect(isAllowedExternalUrl(url)).toBe(true));

  it.each([
    'http://example.org/',
    'https://user:pass@example.org/',
    'https://localhost/',
    'https://192.168.1.1/',
    'https://[::1]/',
    'https://intranet/',
    'file:///C:/Windows/System32/calc.exe',
    'javascript:alert(1)',
    'ms-msdt:/id',
    'not a url',
  ])('refuses %s', (url) => expect(isAllowedExternalUrl(url)).toBe(false));
});

describe('isAppRequest', () => {
  const origins = ['app://waypoint'];
  it('lets the app load its own files', () => {
    expect(isAppRequest('app://waypoint/assets/index.js', origins)).toBe(true);
  });
  it.each(['https://fonts.googleapis.com/css', 'http://127.0.0.1:4178/', 'app://other/index.html', 'wss://example.org'])('blocks %s', (url) =>
    expect(isAppRequest(url, origins)).toBe(false),
  );
});

describe('resolveStaticFile', () => {
  it('maps paths inside the folder and / to index.html', () => {
    expect(resolveStaticFile('/srv/app', '/')).toBe('/srv/app/index.html');
    expect(resolveStaticFile('/srv/app', '/assets/a.js')).toBe('/srv/app/assets/a.js');
  });
  it.each(['/../secret', '/%2e%2e/secret', '/assets/../../etc/passwd', '/a%00.js', '/%E0%A4%A'])('refuses %s', (path) => {
    expect(resolveStaticFile('/srv/app', path)).toBeNull();
  });
});

describe('content security policy', () => {
  it('allows scripts and connections only from the app itself', () => {
    expect(contentSecurityPolicy).toContain("script-src 'self'");
    expect(contentSecurityPolicy).toContain("connect-src 'self'");
    expect(contentSecurityPolicy).toContain("default-src 'none'");
    expect(contentSecurityPolicy).not.toMatch(/unsafe-eval|https?:|\*/);
  });
});
