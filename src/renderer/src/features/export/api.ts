import type { WaypointBridge } from '@shared/contract';
import { unwrap } from '../../bridge';

type PdfRequest = Parameters<WaypointBridge['export']['pdf']>[0];

/** Main prints the document and saves it where the person chooses; an identifying one goes with the vault passphrase. */
export const savePdf = (request: PdfRequest) => unwrap(window.waypoint.export.pdf(request));
