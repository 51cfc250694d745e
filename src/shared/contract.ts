import { z } from 'zod';
import type { Channel } from './channels';
import type { Result } from './errors';
import { settingsPatchSchema, settingsSchema } from './settings';
import { filesContract } from './files';
import { vaultContract } from './vault';
import { pdfContract } from './print/contract';
import { backupContract } from './backup';

const noticeSchema = z.object({
  /** i18n key under `notices.` */
  code: z.enum(['settingsReset']),
  /** A file the user may want to look at, e.g. where a corrupt file was set aside. */
  path: z.string().optional(),
});
export type Notice = z.infer<typeof noticeSchema>;

const appInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  platform: z.string(),
  dataFolder: z.string(),
  /** 'electron' in the desktop app, 'browser-preview' in the development preview. */
  runtime: z.enum(['electron', 'browser-preview']),
  /** YYYY-MM-DD of a packaged build; null in development and the preview. */
  buildDate: z.string().nullable(),
  /** normal: the user profile; portable: next to the executable; override: a folder set explicitly. */
  dataFolderMode: z.enum(['normal', 'portable', 'override']),
  notices: z.array(noticeSchema),
});
export type AppInfo = z.infer<typeof appInfoSchema>;

/** Every channel's request and response schema; `satisfies` keeps it in step with `channels`. */
export const contract = {
  'app.info': { request: z.undefined(), response: appInfoSchema },
  'settings.get': { request: z.undefined(), response: settingsSchema },
  'settings.set': { request: settingsPatchSchema, response: settingsSchema },
  ...vaultContract,
  ...filesContract,
  ...pdfContract,
  ...backupContract,
} satisfies Record<Channel, { request: z.ZodType; response: z.ZodType }>;

export type Contract = typeof contract;
export type RequestOf<C extends Channel> = z.input<Contract[C]['request']>;
export type ResponseOf<C extends Channel> = z.output<Contract[C]['response']>;

type Method<C extends Channel> = RequestOf<C> extends undefined ? () => Promise<Result<ResponseOf<C>>> : (request: RequestOf<C>) => Promise<Result<ResponseOf<C>>>;

type Split<S extends string> = S extends `${infer N}.${infer M}` ? [N, M] : never;
type Namespaces = Split<Channel>[0];

/** The shape of `window.waypoint`: `window.waypoint.settings.get()` and so on. */
export type WaypointBridge = {
  [N in Namespaces]: {
    [C in Channel as Split<C>[0] extends N ? Split<C>[1] : never]: Method<C>;
  };
};
