import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { languages } from '../../../src/shared/languages';
import { debugSwitchesIn, refusalMessages, refuseDebugSwitches } from '../../../src/main/security/debug-switches';

const exe = '/opt/Waypoint/waypoint';

async function appFolder(metadata: Record<string, unknown>): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), 'waypoint-app-'));
  await writeFile(join(folder, 'package.json'), JSON.stringify({ name: 'waypoint', ...metadata }));
  return folder;
}

describe('debugSwitchesIn', () => {
  it.each([
    [['--remote-debugging-port=9222'], 'remote-debugging-port'],
    [['--remote-debugging-port', '9222'], 'remote-debugging-port'],
    [['--remote-debugging-pipe'], 'remote-debugging-pipe'],
    [['--inspect'], 'inspect'],
    [['--inspect=127.0.0.1:9229'], 'inspect'],
    [['--inspect-brk=0'], 'inspect-brk'],
    [['--inspect-brk-node=0'], 'inspect-brk'],
    [['--inspect-port=9229'], 'inspect-port'],
    [['--js-flags=--allow-natives-syntax'], 'js-flags'],
    // Chromium also reads a single dash, and on Windows a slash and any letter case.
    [['-remote-debugging-port=9222'], 'remote-debugging-port'],
    [['/Remote-Debugging-Port=9222'], 'remote-debugging-port'],
    [['--INSPECT'], 'inspect'],
  ])('finds %j', (args, name) => {
    expect(debugSwitchesIn([exe, ...args])).toContain(name);
  });

  it('leaves the switches the app itself uses alone', () => {
    expect(debugSwitchesIn([exe, '--portable', '--lang=fr', '--user-data-dir=/tmp/x', '--inspector-notes', 'file.txt'])).toEqual([]);
  });

  it("also trusts Chromium's own parse of the command line", () => {
    expect(debugSwitchesIn([exe], (name) => name === 'remote-debugging-pipe')).toEqual(['remote-debugging-pipe']);
  });
});

describe('refuseDebugSwitches', () => {
  const base = { argv: [exe, '--remote-debugging-port=9222', '--inspect'], hasSwitch: () => false, language: 'en' as const };

  it('refuses the packaged app, naming the switches and saying nothing was lost', async () => {
    const message = refuseDebugSwitches({ ...base, packaged: true, appPath: await appFolder({}) });
    expect(message).toContain('--inspect, --remote-debugging-port');
    expect(message).toContain('Nothing was changed or lost');
  });

  it('speaks the saved interface language', async () => {
    const message = refuseDebugSwitches({ ...base, language: 'fr', packaged: true, appPath: await appFolder({}) });
    expect(message).toContain('Rien n’a été modifié ni perdu');
  });

  it('lets the packaged app start without them', async () => {
    expect(refuseDebugSwitches({ ...base, argv: [exe, '--portable'], packaged: true, appPath: await appFolder({}) })).toBeNull();
  });

  it('lets a development run and the test flavour (for Playwright) start with them', async () => {
    expect(refuseDebugSwitches({ ...base, packaged: false, appPath: await appFolder({}) })).toBeNull();
    expect(refuseDebugSwitches({ ...base, packaged: true, appPath: await appFolder({ waypointTestBuild: true }) })).toBeNull();
  });

  it('treats a missing or unreadable package.json as a release build', async () => {
    const message = refuseDebugSwitches({ ...base, packaged: true, appPath: join(tmpdir(), 'no-such-waypoint-app') });
    expect(message).not.toBeNull();
  });

  it('has the message in every interface language, with the switches in it', () => {
    for (const language of languages) expect(refusalMessages[language]('--inspect')).toContain('--inspect');
  });
});
