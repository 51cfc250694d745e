import { contextBridge, ipcRenderer } from 'electron';
import { buildBridge } from '../shared/bridge';
import { channels } from '../shared/channels';

// Only the contract's named methods cross into the page; no ipcRenderer, no generic send.
contextBridge.exposeInMainWorld(
  'waypoint',
  buildBridge(channels, (channel, request) => ipcRenderer.invoke(channel, request)),
);
