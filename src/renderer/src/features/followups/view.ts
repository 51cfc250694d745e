import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
// The modules, not the index (zod): the banner uses this file and is in the first screen's code.
import { dueInstant } from '@shared/followups/agenda';
import { dayNumber } from '@shared/followups/dates';
import type { FollowUpDue, FollowUpLink } from '@shared/followups/schema';

/** The zone the device's clock is in: "today" and "this week" are counted in it. */
export function deviceZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** The current time, moving on every minute so follow-ups change bucket while a page stays open. */
export function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 60_000);
    return () => window.clearInterval(timer);
  }, []);
  return now;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** One formatter per language, style and zone for the whole page: making one costs more than drawing a row with it. */
function formatter(language: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${language}|${options.dateStyle}|${options.timeStyle}|${options.timeZone}`;
  let made = formatters.get(key);
  if (made === undefined) formatters.set(key, (made = new Intl.DateTimeFormat(language, options)));
  return made;
}

/** Dates in the interface language: a whole day as that day, a timed one in its own zone (named when it is not this device's). */
export function useDueFormats(): {
  day: (date: string) => string;
  due: (due: FollowUpDue) => string;
  instant: (iso: string) => string;
  dateTime: (iso: string) => string;
} {
  const { i18n } = useTranslation();
  return useMemo(() => {
    const language = i18n.language;
    const here = deviceZone();
    const formatDay = (date: string) => formatter(language, { dateStyle: 'medium', timeZone: 'UTC' }).format(dayNumber(date) * 86_400_000);
    return {
      day: formatDay,
      due: (due) => {
        const instant = dueInstant(due);
        if (instant === null || due.zone === null) return formatDay(due.date);
        const text = formatter(language, { dateStyle: 'medium', timeStyle: 'short', timeZone: due.zone }).format(instant);
        return due.zone === here ? text : `${text} (${due.zone})`;
      },
      instant: (iso) => formatter(language, { dateStyle: 'medium' }).format(new Date(iso)),
      dateTime: (iso) => formatter(language, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso)),
    };
  }, [i18n.language]);
}

/**
 * Where a link opens: the case page, on the note or on the checklist at the item (CaseDetailPage reads
 * these). The query stays inside the hash, as the app's other links with a query do (app/App.tsx).
 */
export function linkHref(caseId: string, link: FollowUpLink): string {
  const query = link.type === 'note' ? `note=${encodeURIComponent(link.noteId)}` : `checklist=${encodeURIComponent(link.checklistId)}&item=${encodeURIComponent(link.itemId)}`;
  return `#/cases/${encodeURIComponent(caseId)}?${query}`;
}
