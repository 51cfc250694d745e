/**
 * Name-based UUIDs (RFC 9562 version 5) in plain TypeScript, so the build script and the app derive the
 * same HSDS ids without Node's crypto. HSDS 3.0 requires every id to be a UUID; deriving them from stable
 * names keeps ids unchanged across rebuilds, so a new data version updates its own records in place.
 */

function utf8(text: string): number[] {
  const bytes: number[] = [];
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (code < 0x80) bytes.push(code);
    else if (code < 0x800) bytes.push(0xc0 | (code >> 6), 0x80 | (code & 63));
    else if (code < 0x10000) bytes.push(0xe0 | (code >> 12), 0x80 | ((code >> 6) & 63), 0x80 | (code & 63));
    else bytes.push(0xf0 | (code >> 18), 0x80 | ((code >> 12) & 63), 0x80 | ((code >> 6) & 63), 0x80 | (code & 63));
  }
  return bytes;
}

function rotl(value: number, bits: number): number {
  return (value << bits) | (value >>> (32 - bits));
}

export function sha1(message: readonly number[]): number[] {
  // Typed arrays and one reused schedule: an export derives an id for every sub-record, so this runs often.
  const blocks = Math.ceil((message.length + 9) / 64);
  const bytes = new Uint8Array(blocks * 64);
  bytes.set(message);
  bytes[message.length] = 0x80;
  const bitLength = message.length * 8;
  // The high 32 bits of the length stay zero: names are far shorter than 512 MiB.
  const view = new DataView(bytes.buffer);
  view.setUint32(bytes.length - 4, bitLength);
  const h = new Int32Array([0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0xc3d2e1f0]);
  const w = new Int32Array(80);
  for (let offset = 0; offset < bytes.length; offset += 64) {
    for (let i = 0; i < 16; i++) w[i] = view.getInt32(offset + i * 4);
    for (let i = 16; i < 80; i++) w[i] = rotl(w[i - 3]! ^ w[i - 8]! ^ w[i - 14]! ^ w[i - 16]!, 1);
    let a = h[0]!;
    let b = h[1]!;
    let c = h[2]!;
    let d = h[3]!;
    let e = h[4]!;
    for (let i = 0; i < 80; i++) {
      const f = i < 20 ? (b & c) | (~b & d) : i < 40 ? b ^ c ^ d : i < 60 ? (b & c) | (b & d) | (c & d) : b ^ c ^ d;
      const k = i < 20 ? 0x5a827999 : i < 40 ? 0x6ed9eba1 : i < 60 ? 0x8f1bbcdc : 0xca62c1d6;
      const t = (rotl(a, 5) + f + e + k + w[i]!) | 0;
      e = d;
      d = c;
      c = rotl(b, 30);
      b = a;
      a = t;
    }
    h[0] = h[0]! + a;
    h[1] = h[1]! + b;
    h[2] = h[2]! + c;
    h[3] = h[3]! + d;
    h[4] = h[4]! + e;
  }
  return Array.from(h).flatMap((word) => [(word >>> 24) & 255, (word >>> 16) & 255, (word >>> 8) & 255, word & 255]);
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function uuidV5(name: string, namespace: string): string {
  if (!uuidPattern.test(namespace)) throw new Error(`Not a lowercase UUID: ${namespace}`);
  const ns = (namespace.replaceAll('-', '').match(/../g) ?? []).map((hex) => parseInt(hex, 16));
  const hash = sha1([...ns, ...utf8(name)]).slice(0, 16);
  hash[6] = ((hash[6] ?? 0) & 0x0f) | 0x50;
  hash[8] = ((hash[8] ?? 0) & 0x3f) | 0x80;
  const hex = hash.map((byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Namespace of every id in Waypoint's bundled directory (itself uuidV5 of "waypoint-directory" in the URL namespace). */
export const directoryNamespace = uuidV5('https://waypoint.invalid/directory', '6ba7b811-9dad-11d1-80b4-00c04fd430c8');

/** The id of a directory record, from a stable key such as "service|US|national-human-trafficking-hotline". */
export function directoryId(key: string): string {
  return uuidV5(key, directoryNamespace);
}
