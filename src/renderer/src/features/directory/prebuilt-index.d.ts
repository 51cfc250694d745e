/** Made by scripts/directory/search-index.ts at build time: the prebuilt index's address (none on the dev server). */
declare module 'virtual:directory-search-index' {
  export const prebuiltIndexUrl: string | undefined;
}
