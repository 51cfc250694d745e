/**
 * The browser preview's stand-in for the Electron preload: defines `window.waypoint` with the same
 * contract methods, carried over fetch to the preview server. The per-run token comes from the
 * script tag the server wrote into index.html, which other origins cannot read.
 */
import { buildBridge } from '../shared/bridge';
import { channels } from '../shared/channels';

const token = document.currentScript?.dataset['token'] ?? '';

const bridge = buildBridge(channels, async (channel, request) => {
  const response = await fetch('/__waypoint/rpc', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-waypoint-token': token },
    body: JSON.stringify({ channel, request }),
  });
  return response.json();
});

Object.defineProperty(window, 'waypoint', { value: bridge, enumerable: false, writable: false });
