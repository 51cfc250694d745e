/**
 * The browser preview's stand-in for the Electron preload: defines `window.waypoint` with the same
 * contract methods, carried over fetch to the preview server.
 *
 * The per-run token never appears in anything the server serves (any local process can read those):
 * it comes in the fragment of the address the CLI prints, `#token=...`, which browsers never send to
 * a server. This classic script runs before the app's modules, takes it out of the address bar (and so
 * out of the hash router's way), and keeps it for this tab in sessionStorage, so the reload that locks
 * the vault still has it. A new fragment wins over a stored token: the server's token changes per run.
 */
import { buildBridge } from '../shared/bridge';
import { channels } from '../shared/channels';
import { parseWithBytes } from './bytes-json';
import { takeTokenFromFragment } from './token';

const STORAGE_KEY = 'waypoint-preview-token';

function keepToken(token: string): void {
  sessionStorage.setItem(STORAGE_KEY, token);
  history.replaceState(history.state, '', location.pathname + location.search);
}

const fromFragment = takeTokenFromFragment(location.hash);
if (fromFragment) keepToken(fromFragment);
const token = fromFragment ?? sessionStorage.getItem(STORAGE_KEY) ?? '';
// For the developer who opened the bare address: the server will refuse every call.
if (!token) console.error('Waypoint preview: no token. Open the address the preview printed (it ends in #token=...).');
// The app clears the origin's storage (sessionStorage too) at first run and after an erase, then reloads:
// the token is the preview's, not the person's, so it is written back as the page goes (unless a new one came).
else window.addEventListener('pagehide', () => sessionStorage.getItem(STORAGE_KEY) ?? sessionStorage.setItem(STORAGE_KEY, token));

// A new run's address opened in a tab already on this origin changes only the fragment, so the page
// is not loaded again: start it again with the new token, before the hash router takes the fragment.
window.addEventListener('hashchange', (event) => {
  const next = takeTokenFromFragment(location.hash);
  if (!next) return;
  event.stopImmediatePropagation();
  keepToken(next);
  location.reload();
});

const bridge = buildBridge(channels, async (channel, request) => {
  const response = await fetch('/__waypoint/rpc', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-waypoint-token': token },
    body: JSON.stringify({ channel, request }),
  });
  return parseWithBytes(await response.text());
});

Object.defineProperty(window, 'waypoint', { value: bridge, enumerable: false, writable: false });
