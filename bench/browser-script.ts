import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { build } from 'vite';

/**
 * Bundles a bench entry into one classic script for a page, with the app's own code inside; returns its text.
 * Unminified (`minify: false`) for a profile that names functions as the source does.
 */
export async function buildBrowserScript(entry: string, outDir: string, globalName: string, { minify = true } = {}): Promise<string> {
  const fileName = `${globalName}.js`;
  await build({
    configFile: false,
    logLevel: 'silent',
    resolve: { alias: { '@shared': resolve(import.meta.dirname, '../src/shared') } },
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    build: { outDir, emptyOutDir: true, minify, lib: { entry, formats: ['iife'], name: globalName, fileName: () => fileName } },
  });
  return readFile(join(outDir, fileName), 'utf8');
}
