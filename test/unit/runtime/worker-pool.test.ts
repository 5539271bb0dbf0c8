// Which runs get a second node with a smaller V8 worker pool (src/runtime/worker-pool.ts): a history scan on a
// machine with fewer cores than Node's default pool and the scan's three busy threads need, and nothing else.
import { describe, expect, it } from 'vitest';
import { historyPoolSize } from '../../../src/runtime/worker-pool.js';

const HISTORY = ['check', '--history'];

describe('historyPoolSize', () => {
  it.each([
    [1, 1],
    [2, 1],
    [4, 1],
    [5, 2],
    [6, 3],
  ])('a history scan on %i cores gets a pool of %i', (cores, size) => {
    expect(historyPoolSize(HISTORY, [], {}, () => cores)).toBe(size);
  });

  it('keeps the default pool where the machine has cores to spare', () => {
    expect(historyPoolSize(HISTORY, [], {}, () => 7)).toBeNull();
    expect(historyPoolSize(HISTORY, [], {}, () => 64)).toBeNull();
  });

  it('only for a history scan: a commit, a push, a range or the whole tree start no second node', () => {
    let asked = 0;
    const cores = () => {
      asked++;
      return 2;
    };
    for (const argv of [['pre-commit'], ['pre-push', 'origin'], ['check'], ['check', '--all'], ['check', 'a..b'], []]) {
      expect(historyPoolSize(argv, [], {}, cores), argv.join(' ')).toBeNull();
    }
    expect(historyPoolSize(['check', '--format', 'json', '--history'], [], {}, cores)).toBe(1);
    // Counting cores loads node:os: only a history scan pays for it.
    expect(asked).toBe(1);
  });

  it('leaves a pool size chosen by whoever started node alone (which also stops the second node re-running)', () => {
    expect(historyPoolSize(HISTORY, ['--v8-pool-size=1'], {}, () => 2)).toBeNull();
    expect(historyPoolSize(HISTORY, ['--max-old-space-size=4096', '--v8-pool-size=8'], {}, () => 2)).toBeNull();
    expect(historyPoolSize(HISTORY, [], { NODE_OPTIONS: '--require x.cjs --v8-pool-size=2' }, () => 2)).toBeNull();
    expect(historyPoolSize(HISTORY, [], { NODE_OPTIONS: '--max-old-space-size=4096' }, () => 2)).toBe(1);
  });

  it('runs where a debugger is attached', () => {
    expect(historyPoolSize(HISTORY, ['--inspect-brk'], {}, () => 2)).toBeNull();
    expect(historyPoolSize(HISTORY, ['--inspect=9230'], {}, () => 2)).toBeNull();
    expect(historyPoolSize(HISTORY, [], { NODE_OPTIONS: '--inspect' }, () => 2)).toBeNull();
  });
});
