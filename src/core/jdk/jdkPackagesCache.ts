import { readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { writeJsonAtomically } from '../cache/atomicWrite';

const FORMAT = 1;
const FILE_NAME = 'jdk-packages.json';

/** Which image a kept package table belongs to: the file, as of its size and modification time. */
export interface ImageVersion {
  readonly path: string;
  readonly size: number;
  readonly mtimeMs: number;
}

interface PackagesFile extends ImageVersion {
  readonly format: number;
  readonly packages: readonly (readonly [string, readonly string[]])[];
}

/** The cache file of the package tables of the JDK images in `cacheDir` (one image at a time). */
export function jdkPackagesFile(cacheDir: string): string {
  return join(cacheDir, FILE_NAME);
}

/**
 * The package -> modules table kept for this version of the image, or undefined (no file, another image
 * or version of it, or a file of another shape). Building the table walks every location of the image
 * (about 25 ms for JDK 17), which every check would otherwise pay.
 */
export function readKeptPackages(file: string, image: ImageVersion): Map<string, string[]> | undefined {
  let kept: PackagesFile;
  try {
    kept = JSON.parse(readFileSync(file, 'utf8')) as PackagesFile;
  } catch {
    return undefined;
  }
  if (kept.format !== FORMAT || kept.path !== image.path || kept.size !== image.size || kept.mtimeMs !== image.mtimeMs || !Array.isArray(kept.packages)) return undefined;
  const packages = new Map<string, string[]>();
  for (const entry of kept.packages as unknown[]) {
    if (!Array.isArray(entry) || typeof entry[0] !== 'string' || !Array.isArray(entry[1]) || !entry[1].every((module) => typeof module === 'string')) return undefined;
    packages.set(entry[0], entry[1]);
  }
  return packages;
}

/** Keeps an image's package table for the next run (best effort, see writeJsonAtomically). */
export async function keepPackages(file: string, image: ImageVersion, packages: ReadonlyMap<string, readonly string[]>): Promise<void> {
  const kept: PackagesFile = { format: FORMAT, path: image.path, size: image.size, mtimeMs: image.mtimeMs, packages: [...packages] };
  await mkdir(dirname(file), { recursive: true }).then(
    () => writeJsonAtomically(file, kept),
    () => undefined,
  );
}
