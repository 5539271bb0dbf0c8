// What an attacker who can write a code cache file would plant there, and the damage a disk or a killed write can
// do to one: for the tests of src/runtime/code-cache.ts. Everything here is built at run time with Node's own
// vm.Script; the format is public (it is in the cache file itself).
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as zlib from 'node:zlib';
import { createRequire } from 'node:module';
import { sealCacheData, sha256With } from '../../src/runtime/code-cache.js';

/** What the forged program prints before it exits 0: the hook's own all-clear. */
export const FORGED_OUTPUT = 'No secrets found.';

/**
 * V8 code cache data for a program as long as the bundle (V8 checks the source's length, its version and its
 * flags, nothing else) that prints the all-clear and exits 0 instead of scanning. Made in a separate node process
 * with the environment the hook runs with, so that V8's flags are the hook's.
 */
export function forgedCachedData(bundle: string, env: Record<string, string>): Buffer {
  const script = `
    const fs = require('node:fs');
    const vm = require('node:vm');
    const { wrap } = require('node:module');
    const length = wrap(fs.readFileSync(process.argv[1], 'utf8')).length;
    const print = JSON.stringify(process.argv[2] + '\\n');
    let source = '(function () { process.stdout.write(' + print + '); process.exit(0); });//';
    source += ' '.repeat(length - source.length);
    const data = new vm.Script(source, { filename: process.argv[1] }).createCachedData();
    process.stdout.write(data.toString('base64'));
  `;
  const result = spawnSync(process.execPath, ['-e', script, bundle, FORGED_OUTPUT], { env, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`could not forge cache data: ${result.stderr}`);
  return Buffer.from(result.stdout, 'base64');
}

/** The first line of a genuine cache file up to its data's checksum: what the data was made for. */
export function identityOf(cacheFile: Buffer): string {
  const line = cacheFile.toString('latin1', 0, cacheFile.indexOf(10));
  const at = line.lastIndexOf(' data=');
  if (at < 0) throw new Error(`not a cache file: ${line.slice(0, 80)}`);
  return line.slice(0, at);
}

/** A forgery no checksum can tell from the real thing: forged data under a correct header. */
export function perfectForgery(genuine: Buffer, forgedData: Buffer): Buffer {
  return sealCacheData(identityOf(genuine), forgedData, sha256With(createRequire(import.meta.url)));
}

/** The forgery the red team wrote against the first format: forged data after the public stamp. */
export function firstFormatForgery(bundle: string, forgedData: Buffer): Buffer {
  const stat = fs.statSync(bundle);
  const stamp = `${process.version} ${process.arch} ${stat.size} ${stat.mtimeMs} ${stat.ino}\n`;
  return Buffer.concat([Buffer.from(stamp), forgedData]);
}

/** Damage of the kinds a disk, a full file system or a killed write leave behind. */
export const damages: Record<string, (genuine: Buffer) => Buffer> = {
  'truncated mid-data': (genuine) => genuine.subarray(0, Math.floor(genuine.length * 0.6)),
  'truncated to its header': (genuine) => genuine.subarray(0, genuine.indexOf(10) + 1),
  'bits flipped in the data': (genuine) => {
    const copy = Buffer.from(genuine);
    const start = copy.indexOf(10) + 1;
    for (let i = 0; i < 64; i++) copy[start + Math.floor(((copy.length - start) * (i + 0.5)) / 64)]! ^= 1 << (i % 8);
    return copy;
  },
  'one byte flipped in the data': (genuine) => {
    const copy = Buffer.from(genuine);
    copy[copy.length - 1000]! ^= 0xff;
    return copy;
  },
  'random bytes': (genuine) => {
    const copy = Buffer.alloc(genuine.length);
    let state = 12345;
    for (let i = 0; i < copy.length; i++) {
      state = (Math.imul(state, 1103515245) + 12345) >>> 0;
      copy[i] = state >>> 24;
    }
    return copy;
  },
  'the header and random bytes': (genuine) => {
    const copy = damages['random bytes']!(genuine);
    genuine.copy(copy, 0, 0, genuine.indexOf(10) + 1);
    return copy;
  },
  empty: () => Buffer.alloc(0),
  // What a CRC-32 cannot tell from the real thing (the format before this one checked only that): changed data of
  // the same length whose CRC-32 is the genuine one's.
  'changed data with the genuine CRC-32': (genuine) => {
    const copy = Buffer.from(genuine);
    const start = copy.indexOf(10) + 1;
    copy[copy.length - 1000]! ^= 0xff;
    keepCrc32(copy.subarray(start), genuine.subarray(start), 64);
    return copy;
  },
};

/**
 * Rewrites 4 bytes of `data` at `at` so that its CRC-32 equals `genuine`'s (same length). For a fixed length a
 * CRC-32 is affine in the bits of the message, so the change each of the 32 bits makes is found by flipping it,
 * and the bits that cancel the difference by Gaussian elimination over GF(2).
 */
function keepCrc32(data: Buffer, genuine: Buffer, at: number): void {
  const crc = (bytes: Buffer) => (zlib as unknown as { crc32(data: Buffer): number }).crc32(bytes) >>> 0;
  const base = crc(data);
  const rows: { effect: number; bits: number }[] = [];
  for (let bit = 0; bit < 32; bit++) {
    data[at + (bit >> 3)]! ^= 1 << (bit & 7);
    rows.push({ effect: (crc(data) ^ base) >>> 0, bits: 1 << bit });
    data[at + (bit >> 3)]! ^= 1 << (bit & 7);
  }
  // Reduce to one row per leading bit; then pick rows to build the wanted difference.
  const pivots = new Map<number, { effect: number; bits: number }>();
  for (const row of rows) {
    let { effect, bits } = row;
    for (let high = 31; high >= 0 && effect !== 0; high--) {
      if (((effect >>> high) & 1) === 0) continue;
      const pivot = pivots.get(high);
      if (!pivot) {
        pivots.set(high, { effect, bits });
        effect = 0;
        break;
      }
      effect = (effect ^ pivot.effect) >>> 0;
      bits ^= pivot.bits;
    }
  }
  let wanted = (base ^ crc(genuine)) >>> 0;
  let flips = 0;
  for (let high = 31; high >= 0; high--) {
    if (((wanted >>> high) & 1) === 0) continue;
    const pivot = pivots.get(high);
    if (!pivot) throw new Error('the CRC-32 cannot be restored at this offset');
    wanted = (wanted ^ pivot.effect) >>> 0;
    flips ^= pivot.bits;
  }
  for (let bit = 0; bit < 32; bit++) if ((flips >>> bit) & 1) data[at + (bit >> 3)]! ^= 1 << (bit & 7);
  if (crc(data) !== crc(genuine)) throw new Error('the CRC-32 was not restored');
}
