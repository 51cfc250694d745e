import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { countryCodes } from '@shared/countries';

export interface Option {
  value: string;
  label: string;
}

/** Country pickers: names in the interface language, sorted as that language sorts. */
export function useCountryOptions(): { options: Option[]; nameOf: (code: string) => string } {
  const { i18n } = useTranslation();
  return useMemo(() => {
    const names = new Intl.DisplayNames([i18n.language], { type: 'region' });
    const nameOf = (code: string) => names.of(code) ?? code;
    const options = countryCodes.map((code) => ({ value: code, label: nameOf(code) })).sort((a, b) => a.label.localeCompare(b.label, i18n.language));
    return { options, nameOf };
  }, [i18n.language]);
}

/**
 * Options for an HTCDS value list: the stored value stays the HTCDS value name, the label is the
 * translation under `values.<list>.<value>`.
 */
export function useValueOptions(list: string, values: readonly string[]): Option[] {
  const { t } = useTranslation('cases');
  return useMemo(() => values.map((value) => ({ value, label: t(`values.${list}.${value}`) })), [t, list, values]);
}

export function useDateFormats(): { date: (iso: string) => string; dateTime: (iso: string) => string } {
  const { i18n } = useTranslation();
  return useMemo(() => {
    const date = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium' });
    const dateTime = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
    return { date: (iso) => date.format(new Date(iso)), dateTime: (iso) => dateTime.format(new Date(iso)) };
  }, [i18n.language]);
}

/** A calendar day (YYYY-MM-DD) shown as a date, without a time zone shifting it by a day. */
export function formatDay(format: (iso: string) => string, day: string): string {
  return format(`${day}T12:00:00`);
}
