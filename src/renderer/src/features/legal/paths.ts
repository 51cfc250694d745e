/**
 * Paths inside the legal section (relative to its nested route) and from elsewhere in the app.
 * Provision ids contain '#', so every id is percent-encoded.
 */
const segment = encodeURIComponent;

export const legalPaths = {
  home: '/',
  instrument: (id: string) => `/instruments/${segment(id)}`,
  provision: (id: string) => `/provisions/${segment(id)}`,
  judgment: (id: string) => `/judgments/${segment(id)}`,
  topic: (id: string) => `/topics/${segment(id)}`,
  country: (code: string) => `/countries/${segment(code)}`,
  explainer: (id: string) => `/explainers/${segment(id)}`,
};

/** The directory, filtered to one country (an absolute hash link: it leaves this section). */
export const directoryHref = (countryCode: string) => `#/directory?country=${segment(countryCode)}`;

/** A route parameter back to the id it encodes; wouter leaves %23 ('#') encoded. */
export function decodeParam(value: string | undefined): string {
  if (value === undefined) return '';
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
