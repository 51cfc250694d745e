// Public surface of the export feature; the cases and checklists pages mount these.
export { ExportPdfButton, ExportPdfDialog } from './ExportPdfDialog';
export type { ExportPdfDialogProps, ExportTarget } from './ExportPdfDialog';
