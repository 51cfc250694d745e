import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import { IconAddressBook, IconCalendarClock, IconFolders, IconScale, IconSettings, type Icon } from '@tabler/icons-react';
import { i18next } from '../i18n';

export interface Section {
  path: string;
  /** i18n key of the navigation label */
  labelKey: string;
  icon: Icon;
  page: LazyExoticComponent<ComponentType>;
  /** Starts loading the page's code and texts before it is shown (see `preloadSectionAt`). */
  preload: () => void;
}

type PageModule = { default: ComponentType };

/** A page that loads on first visit, with its own texts (the i18next namespace of its feature). */
function lazyPage(load: () => Promise<PageModule>, namespace?: string): Pick<Section, 'page' | 'preload'> {
  let loaded: PageModule | undefined;
  const loadPage = () => load().then((module) => (loaded = module));
  // Once the code is here, lazy() gets a thenable that resolves at once and renders the page
  // without suspending: after a loading state, however short, React holds the page back for up
  // to 300 ms.
  const alreadyLoaded = (module: PageModule) => ({ then: (resolve: (value: PageModule) => void) => resolve(module) }) as unknown as Promise<PageModule>;
  return {
    page: lazy(() => (loaded ? alreadyLoaded(loaded) : loadPage())),
    preload: () => {
      void loadPage();
      if (namespace) void i18next.loadNamespaces(namespace);
    },
  };
}

// Each section loads on first visit, so the first screen stays small.
export const sections: readonly Section[] = [
  { path: '/directory', labelKey: 'nav.directory', icon: IconAddressBook, ...lazyPage(() => import('../features/directory/DirectoryPage'), 'directory') },
  { path: '/legal', labelKey: 'nav.legal', icon: IconScale, ...lazyPage(() => import('../features/legal/LegalPage'), 'legal') },
  { path: '/cases', labelKey: 'nav.cases', icon: IconFolders, ...lazyPage(() => import('../features/cases/CasesPage'), 'cases') },
  { path: '/agenda', labelKey: 'nav.agenda', icon: IconCalendarClock, ...lazyPage(() => import('../features/followups/AgendaPage'), 'followups') },
  { path: '/settings', labelKey: 'nav.settings', icon: IconSettings, ...lazyPage(() => import('../features/settings/SettingsPage'), 'settings') },
];

/**
 * Loads the code and texts of the section a hash location (`#/cases/...`) opens, e.g. while the
 * passphrase is typed, so the page can show as soon as the vault is unlocked. Code only: nothing
 * is read from the encrypted store before unlock.
 */
export function preloadSectionAt(hash: string): void {
  const path = hash.replace(/^#/, '');
  sections.find((section) => path === section.path || path.startsWith(`${section.path}/`))?.preload();
}
