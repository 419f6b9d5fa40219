/**
 * Compact integer streams for saved indexes: LEB128-style unsigned varints, base64 for JSON.
 * Posting gaps and term frequencies are mostly below 128, so most take one byte.
 */
/** Appends unsigned integers (< 2^32); `toBase64` returns the packed bytes. */
export class VarintWriter {
  private bytes: Uint8Array;
  private length = 0;
  constructor(expected: number) {
    this.bytes = new Uint8Array(Math.max(16, expected + 16));
  }
  push(value: number): void {
    if (this.length + 5 > this.bytes.length) {
      const grown = new Uint8Array(this.bytes.length * 2);
      grown.set(this.bytes);
      this.bytes = grown;
    }
    for (; value >= 0x80; value >>>= 7) this.bytes[this.length++] = (value & 0x7f) | 0x80;
    this.bytes[this.length++] = value;
  }
  toBase64(): string {
    return Buffer.from(this.bytes.buffer, 0, this.length).toString("base64");
  }
}

/** Reads back what `VarintWriter` wrote, one integer per `next()`. */
export class VarintReader {
  private readonly bytes: Buffer;
  private at = 0;
  /** `onTruncated` makes the caller's error, so a damaged file reports as the caller's own code. */
  constructor(
    base64: string,
    private readonly onTruncated: () => Error,
  ) {
    this.bytes = Buffer.from(base64, "base64");
  }
  get done(): boolean {
    return this.at >= this.bytes.length;
  }
  next(): number {
    // Most values (posting gaps, tfs) fit one byte; keep that path tiny so it is inlined.
    const first = this.bytes[this.at++];
    if (first !== undefined && first < 0x80) return first;
    return this.continued(first);
  }
  private continued(first: number | undefined): number {
    let byte = first;
    let value = 0;
    for (let shift = 0; ; shift += 7) {
      if (byte === undefined || shift > 28) throw this.onTruncated();
      value += (byte & 0x7f) * 2 ** shift;
      if (byte < 0x80) return value;
      byte = this.bytes[this.at++];
    }
  }
}
