// Tests that call the bridge inside the page (`page.evaluate(() => window.waypoint...)`) see the type the renderer
// declares for it, now that the tests project reads the renderer through its declarations.
import type {} from '@renderer/bridge';
