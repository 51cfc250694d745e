import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import { IconAddressBook, IconFolders, IconScale, IconSettings, type Icon } from '@tabler/icons-react';

export interface Section {
  path: string;
  /** i18n key of the navigation label */
  labelKey: string;
  icon: Icon;
  page: LazyExoticComponent<ComponentType>;
}

// Each section loads on first visit, so the first screen stays small.
export const sections: readonly Section[] = [
  { path: '/directory', labelKey: 'nav.directory', icon: IconAddressBook, page: lazy(() => import('../features/directory/DirectoryPage')) },
  { path: '/legal', labelKey: 'nav.legal', icon: IconScale, page: lazy(() => import('../features/legal/LegalPage')) },
  { path: '/cases', labelKey: 'nav.cases', icon: IconFolders, page: lazy(() => import('../features/cases/CasesPage')) },
  { path: '/settings', labelKey: 'nav.settings', icon: IconSettings, page: lazy(() => import('../features/settings/SettingsPage')) },
];
