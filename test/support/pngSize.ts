/** Width and height from a PNG's IHDR chunk, or null when the signature or the header is not a PNG's. */
export function pngSize(png: Uint8Array): { width: number; height: number } | null {
  const buffer = Buffer.from(png);
  if (buffer.length < 24 || buffer.readUInt32BE(0) !== 0x89504e47 || buffer.toString('ascii', 12, 16) !== 'IHDR') return null;
  return { width: buffer.readUInt32BE(16), height: buffer.readUInt32BE(20) };
}
