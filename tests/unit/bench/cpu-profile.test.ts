import { describe, expect, it } from 'vitest';
import { profileReport, selfTimes, type CpuProfile } from '../../../bench/records/cpu-profile';

// A small profile as Chrome's Profiler.stop gives it: node ids per sample, time deltas in microseconds.
const frame = (functionName: string, url = '', lineNumber = -1) => ({ functionName, url, lineNumber });
const profile: CpuProfile = {
  nodes: [
    { id: 1, callFrame: frame('(root)') },
    { id: 2, callFrame: frame('(idle)') },
    { id: 3, callFrame: frame('put') },
    { id: 4, callFrame: frame('encryptRecord', 'http://127.0.0.1:4000/recordsBench.js', 41) },
    { id: 5, callFrame: frame('', 'http://127.0.0.1:4000/recordsBench.js', 9) },
    { id: 6, callFrame: frame('encryptRecord', 'http://127.0.0.1:4000/recordsBench.js', 41) },
  ],
  startTime: 0,
  endTime: 10_000,
  samples: [2, 3, 4, 3, 5, 6, 2, 2],
  timeDeltas: [1000, 2000, 500, 1500, 250, 750, 2000, 2000],
};

describe('a CPU profile read for the records bench', () => {
  it('sums self time per function, nodes of the same function and place together, largest first', () => {
    expect(selfTimes(profile)).toEqual([
      { name: '(idle)', ms: 5 },
      { name: 'put', ms: 3.5 },
      { name: 'encryptRecord (recordsBench.js:42)', ms: 1.25 },
      { name: '(anonymous) (recordsBench.js:10)', ms: 0.25 },
    ]);
  });

  it('reports the idle share and the top functions of a phase, idle left out of the list', () => {
    expect(profileReport('encrypted save', profile, 2).split('\n')).toEqual([
      'encrypted save: 10 ms profiled, main thread idle 5 ms (50.0%)',
      '       3.5 ms  35.0%  put',
      '       1.3 ms  12.5%  encryptRecord (recordsBench.js:42)',
    ]);
  });
});
