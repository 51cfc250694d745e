/** Interface languages; kept apart from the settings schema so the first screen needs no validator. */
export const languages = ['en', 'es', 'fr', 'ar'] as const;
export type Language = (typeof languages)[number];

export const rightToLeftLanguages: readonly Language[] = ['ar'];
