// Git stores paths and names as UTF-8 bytes. Many are cut from one buffer (an index, a tree): slicing them out of
// one latin1 copy costs a string slice each instead of a native call each, and latin1 gives the same string
// wherever the bytes are ASCII. A name with other bytes is decoded as UTF-8.

const NON_ASCII = /[\u0080-\u00ff]/;
// Beyond this, a latin1 copy of the whole buffer is not worth its memory.
const MAX_LATIN1_COPY = 64 * 1024 * 1024;

export class PathDecoder {
  private latin1?: string;

  constructor(private readonly buffer: Buffer) {}

  decode(start: number, end: number): string {
    if (this.buffer.length > MAX_LATIN1_COPY) return this.buffer.toString('utf8', start, end);
    this.latin1 ??= this.buffer.toString('latin1');
    const path = this.latin1.slice(start, end);
    return NON_ASCII.test(path) ? this.buffer.toString('utf8', start, end) : path;
  }
}
