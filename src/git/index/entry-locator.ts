// Where each index entry lies, found without decoding entries. Entries have variable lengths and nothing in a
// default index (no EOIE/IEOT extension) says where one ends but the entry itself, so the only way to the extensions
// after them (the cache tree) is to step from entry to entry. The step reads two bytes per entry: the flags, whose
// low 12 bits are the path's length; version 4 also reads the varint that says how much of the previous path is
// dropped (git's create_from_disk in read-cache.c does the same arithmetic). Nothing is copied or decoded.
//
// The hook runs for tens of milliseconds, too short for V8's optimising compiler to finish, so the stepping loops
// are written for the interpreter and the baseline compiler: locals only, byte reads from one buffer, one function
// per index version, and the rare cases (paths of 4095 bytes or more, the last entries before the end of the file)
// left to a careful step outside the loop. docs/performance.md lists the forms measured.
//
// Every 64th entry's offset is kept (and, in version 4, the length of the path before it): entry i is reached from
// the checkpoint before it in at most 63 steps. A 1,000,000-entry index keeps 15,625 checkpoints (250 KB).
import { IndexFileError } from '../../errors.js';
import type { IndexBytes } from './index-bytes.js';

export const CHECKPOINT_SHIFT = 6;

/** Bytes asked for at a time while stepping: the file is read in windows of this size. */
const STEP_WINDOW = 256 * 1024;
const NAME_MASK = 0x0fff;
const FLAG_EXTENDED = 0x4000;
const VARINT_MAX = 10;

/** A point from which stepping can start: entry `entry` at `offset`, after a path of `previousLength` bytes. */
export interface Anchor {
  entry: number;
  offset: number;
  /** -1: the start of an IEOT block (a version 4 entry there keeps nothing of the previous path). */
  previousLength: number;
}

export interface EntryShape {
  version: 2 | 3 | 4;
  hashSize: number;
  count: number;
  /** Where the trailing checksum starts: no entry may reach it. */
  contentEnd: number;
  file: string;
}

/** Positions of entries: stepped to on demand, from the nearest checkpoint or anchor. */
export class EntryLocator {
  /** Where the entry sought last starts, and the length of the path before it (version 4). */
  offset = 0;
  previousLength = 0;
  /** The entry sought last. */
  entry = -1;

  readonly flagsAt: number;
  readonly headerSize: number;
  private readonly checkpointOffsets: Float64Array;
  private readonly checkpointPrevious: Int32Array;
  /** Where stepping may start without a checkpoint: the first entry, and IEOT blocks. */
  readonly anchors: readonly Anchor[];
  /** Scratch for the stepping loops' second and third results. */
  private readonly out = new Float64Array(2);

  constructor(
    private readonly bytes: IndexBytes,
    readonly shape: EntryShape,
    anchors: Anchor[] = [],
  ) {
    this.flagsAt = 40 + shape.hashSize;
    this.headerSize = this.flagsAt + 2;
    const checkpoints = (shape.count >> CHECKPOINT_SHIFT) + 1;
    this.checkpointOffsets = new Float64Array(checkpoints);
    this.checkpointPrevious = new Int32Array(shape.version === 4 ? checkpoints : 0);
    this.anchors = [{ entry: 0, offset: 12, previousLength: 0 }, ...anchors];
  }

  /** Steps over every entry and returns where they end (the first extension, or the checksum). */
  stepAll(): number {
    this.entry = 0;
    this.offset = 12;
    this.previousLength = 0;
    this.stepTo(this.shape.count);
    return this.offset;
  }

  /** Moves to entry i: `offset` and `previousLength` describe it afterwards. */
  seek(i: number): void {
    if (i === this.entry) return;
    if (i < 0 || i >= this.shape.count) throw new RangeError(`no index entry ${i}`);
    this.startBefore(i);
    this.stepTo(i);
  }

  /**
   * Starts from the nearest known point at or before entry i: where we are (a walk reads entries in order), a
   * recorded checkpoint, an IEOT block, or the first entry. Checkpoints are only recorded while stepping from a known
   * point, so a recorded one is exact.
   */
  private startBefore(i: number): void {
    let best = this.entry >= 0 && this.entry <= i ? this.entry : -1;
    let checkpoint = i >> CHECKPOINT_SHIFT;
    while (checkpoint > 0 && !(this.checkpointOffsets[checkpoint]! > 0)) checkpoint--;
    const checkpointEntry = this.checkpointOffsets[checkpoint]! > 0 ? checkpoint << CHECKPOINT_SHIFT : -1;
    let anchor: Anchor | null = null;
    for (const candidate of this.anchors) {
      if (candidate.entry <= i && candidate.entry > (anchor?.entry ?? -1)) anchor = candidate;
    }
    if (checkpointEntry > best && checkpointEntry >= (anchor?.entry ?? -1)) {
      best = checkpointEntry;
      this.entry = best;
      this.offset = this.checkpointOffsets[checkpoint]!;
      this.previousLength = this.shape.version === 4 ? this.checkpointPrevious[checkpoint]! : 0;
    }
    if (anchor !== null && anchor.entry > best) {
      this.entry = anchor.entry;
      this.offset = anchor.offset;
      this.previousLength = anchor.previousLength;
    }
  }

  /** Steps from the current entry to entry i, recording checkpoints on the way. */
  private stepTo(i: number): void {
    const { count, contentEnd } = this.shape;
    while (this.entry < i) {
      // A seek from a checkpoint needs a few kilobytes; stepping over the whole index, windows of STEP_WINDOW.
      this.bytes.cover(this.offset, Math.min(STEP_WINDOW, (i - this.entry) * 256 + 8192));
      const { bytes, start, end } = this.bytes;
      // An entry that starts at or before `limit` lies wholly in the window unless its path has 4095 bytes or more.
      const limit = Math.min(end, contentEnd) - start - (this.headerSize + 2 + VARINT_MAX + NAME_MASK + 1);
      const at = this.offset - start;
      let next: number;
      if (at <= limit) {
        next =
          this.shape.version === 4
            ? stepVersion4(bytes, at, limit, this.entry, i, this, this.out, start)
            : stepVersion2(bytes, at, limit, this.entry, i, this, this.out, start);
        const stepped = next > this.entry;
        this.entry = next;
        if (stepped) {
          this.offset = start + this.out[0]!;
          if (this.shape.version === 4) this.previousLength = this.out[1]!;
          continue;
        }
      }
      // Near the end of the window or of the file, or a long path: one careful step.
      if (this.entry < count) this.stepCarefully();
    }
  }

  /** One entry, every bound checked: recorded as a checkpoint when it is one. */
  private stepCarefully(): void {
    const { version, contentEnd, file } = this.shape;
    const i = this.entry;
    if ((i & ((1 << CHECKPOINT_SHIFT) - 1)) === 0) {
      this.checkpointOffsets[i >> CHECKPOINT_SHIFT] = this.offset;
      if (version === 4) this.checkpointPrevious[i >> CHECKPOINT_SHIFT] = this.previousLength;
    }
    const entryStart = this.offset;
    if (entryStart + this.headerSize > contentEnd) throw truncated(file);
    this.bytes.cover(entryStart, this.headerSize + 2 + VARINT_MAX + NAME_MASK + 1);
    const { bytes, start } = this.bytes;
    const flags = bytes.readUInt16BE(entryStart + this.flagsAt - start);
    let pathStart = entryStart + this.headerSize;
    if ((flags & FLAG_EXTENDED) !== 0) pathStart += 2;
    let length = flags & NAME_MASK;
    let kept = 0;
    if (version === 4) {
      let cursor = pathStart;
      if (cursor >= contentEnd) throw truncated(file);
      let byte = bytes[cursor++ - start]!;
      let strip = byte & 0x7f;
      // git's offset varint (varint.c): each continuation byte adds one before shifting. A strip longer than any
      // path stops it (version 4 paths are at most a few kilobytes; git's own varint stops at 2^57).
      while ((byte & 0x80) !== 0 && strip <= 0xffffffff) {
        if (cursor >= contentEnd || cursor - start >= this.bytes.end - start) throw truncated(file);
        byte = bytes[cursor++ - start]!;
        strip = (strip + 1) * 128 + (byte & 0x7f);
      }
      // At the start of an IEOT block git ignores the previous path (and wrote the whole path there).
      const previous = this.previousLength < 0 ? strip : this.previousLength;
      if (strip > previous) throw new IndexFileError(file, { kind: 'bad-path-compression', entry: i });
      kept = previous - strip;
      pathStart = cursor;
    }
    let pathEnd: number;
    if (length === NAME_MASK) {
      // A path of 4095 bytes or more: it ends at a NUL, as git's strlen() finds it.
      pathEnd = this.findNul(pathStart);
      length = kept + (pathEnd - pathStart);
    } else {
      if (length < kept) throw new IndexFileError(file, { kind: 'bad-path-compression', entry: i });
      pathEnd = pathStart + length - kept;
    }
    if (pathEnd >= contentEnd) throw truncated(file);
    // Versions 2 and 3 pad each entry with 1 to 8 NULs to a multiple of 8 bytes; version 4 ends at the NUL.
    this.offset = version === 4 ? pathEnd + 1 : entryStart + ((pathEnd - entryStart + 8) & ~7);
    if (this.offset > contentEnd) throw truncated(file);
    this.previousLength = length;
    this.entry = i + 1;
  }

  /** The first NUL at or after `position` before the checksum (the end of a long path), reading more as needed. */
  findNul(position: number): number {
    const { contentEnd, file } = this.shape;
    for (let window = 2 * STEP_WINDOW; ; window *= 2) {
      const { bytes, start, end } = this.bytes;
      if (position >= start && position <= end) {
        const nul = bytes.indexOf(0, position - start);
        if (nul >= 0 && start + nul < Math.min(end, contentEnd)) return start + nul;
        if (end >= contentEnd) throw truncated(file);
      }
      this.bytes.cover(position, window);
    }
  }

  /** Checkpoint arrays, for the stepping loops. */
  get checkpoints(): Float64Array {
    return this.checkpointOffsets;
  }
  get checkpointPreviousLengths(): Int32Array {
    return this.checkpointPrevious;
  }
}

/**
 * Versions 2 and 3: steps from entry `i` at window offset `at` to entry `stop` (or the first entry after `limit`,
 * or a long path). Returns the entry reached; out[0] is its window offset.
 */
function stepVersion2(
  b: Buffer,
  at: number,
  limit: number,
  i: number,
  stop: number,
  locator: EntryLocator,
  out: Float64Array,
  base: number,
): number {
  const checkpoints = locator.checkpoints;
  const flagsAt = locator.flagsAt;
  // The entry's fixed part and the NUL, before rounding up to 8 bytes.
  const fixed = locator.headerSize + 8;
  for (; i < stop && at <= limit; i++) {
    if ((i & 63) === 0) checkpoints[i >> 6] = base + at;
    const flags = (b[at + flagsAt]! << 8) | b[at + flagsAt + 1]!;
    const length = flags & 0x0fff;
    if (length === 0x0fff) break;
    at += (fixed + ((flags >> 13) & 2) + length) & ~7;
  }
  out[0] = at;
  return i;
}

/** Version 4: the same, tracking the previous path's length; out[1] is the length of the path before entry i. */
function stepVersion4(
  b: Buffer,
  at: number,
  limit: number,
  i: number,
  stop: number,
  locator: EntryLocator,
  out: Float64Array,
  base: number,
): number {
  const checkpoints = locator.checkpoints;
  const previousLengths = locator.checkpointPreviousLengths;
  const flagsAt = locator.flagsAt;
  const headerSize = locator.headerSize;
  let previous = locator.previousLength;
  for (; i < stop && at <= limit; i++) {
    if ((i & 63) === 0) {
      checkpoints[i >> 6] = base + at;
      previousLengths[i >> 6] = previous;
    }
    const flags = (b[at + flagsAt]! << 8) | b[at + flagsAt + 1]!;
    const length = flags & 0x0fff;
    if (length === 0x0fff || previous < 0) break;
    let p = at + headerSize + ((flags >> 13) & 2);
    let byte = b[p++]!;
    let strip = byte & 0x7f;
    while ((byte & 0x80) !== 0 && strip <= previous) {
      byte = b[p++]!;
      strip = (strip + 1) * 128 + (byte & 0x7f);
    }
    const kept = previous - strip;
    // A bad varint or a name shorter than what it keeps: the careful step reports it.
    if (kept < 0 || length < kept) break;
    at = p + length - kept + 1;
    previous = length;
  }
  out[0] = at;
  out[1] = previous;
  return i;
}

function truncated(file: string): IndexFileError {
  return new IndexFileError(file, { kind: 'truncated' });
}
