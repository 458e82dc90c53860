/**
 * The few protobuf wire-format rules the Google Authenticator export needs
 * (https://protobuf.dev/programming-guides/encoding/): varints, length-delimited fields,
 * and skipping fixed-width fields we do not read. Hand-written rather than a protobuf
 * library for two messages. Throws `ProtobufError` on truncated or malformed input.
 */
export class ProtobufError extends Error {}

export const WIRE_VARINT = 0;
export const WIRE_FIXED64 = 1;
export const WIRE_LENGTH_DELIMITED = 2;
export const WIRE_FIXED32 = 5;

export type ProtobufField =
  | { number: number; wireType: typeof WIRE_VARINT; value: number }
  | { number: number; wireType: typeof WIRE_LENGTH_DELIMITED; value: Uint8Array }
  | { number: number; wireType: typeof WIRE_FIXED64 | typeof WIRE_FIXED32; value: null };

export class ProtobufReader {
  private offset = 0;

  constructor(private readonly bytes: Uint8Array) {}

  get done(): boolean {
    return this.offset >= this.bytes.length;
  }

  /**
   * Values above 2^53 lose precision; only the HOTP counter (int64) could be that large,
   * and we never use it. Negative int32/int64 values are 10-byte varints: read, not trusted.
   */
  readVarint(): number {
    let result = 0;
    let multiplier = 1;
    for (let i = 0; i < 10; i++) {
      if (this.offset >= this.bytes.length) throw new ProtobufError('truncated varint');
      const byte = this.bytes[this.offset++] as number;
      result += (byte & 0x7f) * multiplier;
      if ((byte & 0x80) === 0) return result;
      multiplier *= 128;
    }
    throw new ProtobufError('varint longer than 10 bytes');
  }

  private take(length: number): Uint8Array {
    if (length > this.bytes.length - this.offset) throw new ProtobufError('field runs past the end');
    const slice = this.bytes.subarray(this.offset, this.offset + length);
    this.offset += length;
    return slice;
  }

  readField(): ProtobufField {
    const key = this.readVarint();
    const number = Math.floor(key / 8);
    const wireType = key % 8;
    if (number === 0) throw new ProtobufError('field number 0');
    switch (wireType) {
      case WIRE_VARINT:
        return { number, wireType, value: this.readVarint() };
      case WIRE_LENGTH_DELIMITED:
        return { number, wireType, value: this.take(this.readVarint()) };
      case WIRE_FIXED64:
        this.take(8);
        return { number, wireType, value: null };
      case WIRE_FIXED32:
        this.take(4);
        return { number, wireType, value: null };
      default:
        throw new ProtobufError(`unsupported wire type ${wireType}`);
    }
  }
}
