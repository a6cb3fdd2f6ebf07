/**
 * The hash the JDK's jimage uses to place names in its redirect table
 * (jdk.internal.jimage.ImageStringsReader): FNV-1 style over the name's modified UTF-8 bytes,
 * multiplier 0x01000193, the same constant as the default seed, masked to a positive int.
 */
export const JIMAGE_HASH_MULTIPLIER = 0x01000193;

export function jimageHash(name: Buffer, seed: number = JIMAGE_HASH_MULTIPLIER): number {
  let hash = seed | 0;
  for (let i = 0; i < name.length; i++) hash = Math.imul(hash, JIMAGE_HASH_MULTIPLIER) ^ name[i]!;
  return hash & 0x7fffffff;
}
