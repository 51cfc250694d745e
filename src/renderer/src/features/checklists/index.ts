// Public surface of the checklists feature; the cases feature mounts these.
export { CaseChecklistsPanel } from './CaseChecklistsPanel';
export type { CaseContext, CasePanelProps } from './CaseChecklistsPanel';
export { ScreeningSummaryPanel } from './ScreeningSummaryPanel';
export { ChecklistTemplatesPage } from './ChecklistTemplatesPage';
export { loadShippedTemplates, shippedInLanguage, templateLanguageOf } from './data';
