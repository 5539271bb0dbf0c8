// Applies a git delta to its base: a stream of instructions that copy a range of the base or insert new bytes
// (https://git-scm.com/docs/gitformat-pack, "Deltified representation"). Every instruction is bounds-checked and
// the result's size checked against the size the delta declares.
import { CorruptData } from './corrupt-data.js';

export function applyDelta(base: Buffer, delta: Buffer): Buffer {
  let p = 0;
  const next = (): number => {
    const b = delta[p++];
    if (b === undefined) throw new CorruptData('bad delta (truncated instruction)');
    return b;
  };
  const varint = (): number => {
    let value = 0;
    let scale = 1;
    for (;;) {
      const b = next();
      value += (b & 0x7f) * scale;
      if ((b & 0x80) === 0) return value;
      scale *= 128;
      if (scale > 2 ** 53) throw new CorruptData('bad delta (size varint too long)');
    }
  };
  const sourceSize = varint();
  const targetSize = varint();
  if (sourceSize !== base.length) {
    throw new CorruptData(`bad delta (expects a ${sourceSize}-byte base, base has ${base.length})`);
  }
  const out = Buffer.allocUnsafe(targetSize);
  let o = 0;
  while (p < delta.length) {
    const op = next();
    if (op & 0x80) {
      // Copy from the base: the low bits say which offset and size bytes follow.
      let offset = 0;
      let size = 0;
      if (op & 0x01) offset = next();
      if (op & 0x02) offset += next() * 0x100;
      if (op & 0x04) offset += next() * 0x10000;
      if (op & 0x08) offset += next() * 0x1000000;
      if (op & 0x10) size = next();
      if (op & 0x20) size += next() * 0x100;
      if (op & 0x40) size += next() * 0x10000;
      if (size === 0) size = 0x10000;
      if (offset + size > base.length || o + size > targetSize) throw new CorruptData('bad delta (copy out of bounds)');
      base.copy(out, o, offset, offset + size);
      o += size;
    } else if (op !== 0) {
      // Insert the next `op` bytes of the delta itself.
      if (p + op > delta.length || o + op > targetSize) throw new CorruptData('bad delta (insert out of bounds)');
      delta.copy(out, o, p, p + op);
      o += op;
      p += op;
    } else {
      throw new CorruptData('bad delta (reserved instruction 0)');
    }
  }
  if (o !== targetSize) throw new CorruptData(`bad delta (result has ${o} bytes, delta says ${targetSize})`);
  return out;
}
