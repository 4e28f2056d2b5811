/**
 * A short fingerprint of a region's file as stored (its JSON text): FNV-1a, 32 bits, 8 hex digits.
 * Written by hand because it is a dozen lines and needs no library in the core; it tells versions of one
 * file apart (a sheet made from an older table), it is no protection against tampering.
 */
export function fingerprint(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}
