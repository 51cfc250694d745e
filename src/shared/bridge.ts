import type { Channel } from './channels';
import type { WaypointBridge } from './contract';

/**
 * Builds the nested `window.waypoint` object from one `invoke(channel, request)` transport.
 * Shared by the Electron preload (over IPC) and the browser preview's bridge (over fetch).
 */
export function buildBridge(channelNames: readonly Channel[], invoke: (channel: Channel, request: unknown) => Promise<unknown>): WaypointBridge {
  const bridge: Record<string, Record<string, (request?: unknown) => Promise<unknown>>> = {};
  for (const channel of channelNames) {
    const [namespace, method] = channel.split('.') as [string, string];
    const methods = (bridge[namespace] ??= {});
    methods[method] = (request?: unknown) => invoke(channel, request);
  }
  for (const methods of Object.values(bridge)) Object.freeze(methods);
  return Object.freeze(bridge) as unknown as WaypointBridge;
}
