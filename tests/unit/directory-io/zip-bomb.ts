/**
 * A generated zip bomb: one deflate stream of zeros at deflate's largest ratio (about 1 to 1,032), written bit by
 * bit rather than compressed, so a 1 GiB file costs a 1 MB buffer to make. Sizes in the zip's headers can be set
 * to lie. Test code only.
 */

class BitWriter {
  private bit = 0;
  constructor(readonly bytes: Uint8Array) {}

  /** A number of `count` bits, least significant first (deflate's header fields). */
  number(value: number, count: number): void {
    for (let i = 0; i < count; i++) this.one((value >> i) & 1);
  }

  /** A Huffman code, most significant bit first. */
  code(bits: string): void {
    for (const b of bits) this.one(b === '1' ? 1 : 0);
  }

  skip(count: number): void {
    this.bit += count;
  }

  private one(b: number): void {
    if (b) this.bytes[this.bit >> 3]! |= 1 << (this.bit & 7);
    this.bit++;
  }

  get length(): number {
    return (this.bit + 7) >> 3;
  }
}

/** Raw deflate of `1 + 258 * matches` zero bytes: one dynamic Huffman block where each 258-byte match costs 2 bits. */
export function deflatedZeros(matches: number): { data: Uint8Array; size: number } {
  const w = new BitWriter(new Uint8Array(Math.ceil((matches * 2) / 8) + 64));
  w.number(1, 1); // last block
  w.number(2, 2); // dynamic Huffman
  w.number(29, 5); // 286 literal/length codes (up to 285, "length 258")
  w.number(0, 5); // 1 distance code
  w.number(14, 4); // 18 code-length codes, in the spec's order 16 17 18 0 8 7 9 6 10 5 11 4 12 3 13 2 14 1
  for (const length of [0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 2]) w.number(length, 3);
  // Code-length codes: 18 -> "0", 1 -> "10", 2 -> "11". Literal/length lengths: 0:2, 1-255:0, 256:2, 257-284:0, 285:1; distance 0:1.
  const zeros = (n: number) => {
    w.code('0');
    w.number(n - 11, 7);
  };
  w.code('11'); // symbol 0: length 2
  zeros(138);
  zeros(117); // symbols 1-255
  w.code('11'); // 256: length 2
  zeros(28); // 257-284
  w.code('10'); // 285: length 1
  w.code('10'); // distance 0: length 1
  // Literal/length codes: 285 -> "0", 0 -> "10", 256 -> "11"; distance 0 -> "0".
  w.code('10'); // one zero byte
  w.skip(matches * 2); // each match: "0" (length 258) "0" (distance 1): zero bits, already zero
  w.code('11'); // end of block
  return { data: w.bytes.subarray(0, w.length), size: 1 + 258 * matches };
}

function header(signature: number, size: number): DataView {
  const view = new DataView(new ArrayBuffer(size));
  view.setUint32(0, signature, true);
  return view;
}

/** A zip of one deflated file, its declared (uncompressed) size as given; no data descriptor, CRC left at 0. */
export function zipOf(name: string, data: Uint8Array, declaredSize: number): Uint8Array {
  const nameBytes = new TextEncoder().encode(name);
  const local = header(0x04034b50, 30);
  local.setUint16(4, 20, true);
  local.setUint16(8, 8, true); // deflate
  local.setUint32(18, data.length, true);
  local.setUint32(22, declaredSize, true);
  local.setUint16(26, nameBytes.length, true);
  const central = header(0x02014b50, 46);
  central.setUint16(4, 20, true);
  central.setUint16(6, 20, true);
  central.setUint16(10, 8, true);
  central.setUint32(20, data.length, true);
  central.setUint32(24, declaredSize, true);
  central.setUint16(28, nameBytes.length, true);
  central.setUint32(42, 0, true); // local header at 0
  const localLength = 30 + nameBytes.length + data.length;
  const end = header(0x06054b50, 22);
  end.setUint16(8, 1, true);
  end.setUint16(10, 1, true);
  end.setUint32(12, 46 + nameBytes.length, true);
  end.setUint32(16, localLength, true);
  const parts = [new Uint8Array(local.buffer), nameBytes, data, new Uint8Array(central.buffer), nameBytes, new Uint8Array(end.buffer)];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
