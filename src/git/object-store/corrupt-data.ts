// Thrown where stored bytes do not decode (a pack index, a pack header, a zlib stream, a delta), with the low-level
// detail. The store turns it into a GitObjectError naming the object that was asked for and where it lies.

export class CorruptData extends Error {
  /** What is wrong, as a short technical phrase: "bad delta (copy out of bounds)". */
  readonly detail: string;

  constructor(detail: string) {
    super(detail);
    this.name = 'CorruptData';
    this.detail = detail;
  }
}
