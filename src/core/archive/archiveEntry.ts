import type { ArchiveError } from './archiveError';

/** One file in a jar (from its central directory) or in a classpath directory. */
export interface ArchiveEntry {
  /** Path inside the jar or directory, '/'-separated, e.g. `org/a/Outer$Inner.class`. */
  readonly name: string;
  /**
   * CRC-32 of the uncompressed bytes: from the central directory for a jar; for a directory
   * undefined until `entryCrc32` computes it. Identical copies share CRC-32 and size.
   */
  crc32: number | undefined;
  readonly compressedSize: number;
  readonly uncompressedSize: number;
  /** APPNOTE 4.4.5: 0 stored, 8 deflated. Always 0 for a directory's files. */
  readonly compressionMethod: number;
  /** General purpose bit 0: listed, never inflated. */
  readonly isEncrypted: boolean;
  /** Where the entry's local file header starts in the jar; -1 for a directory's files. */
  readonly localHeaderOffset: number;
  /**
   * The class this entry defines, as a binary name with '/': the name without `.class`, and in a
   * multi-release jar without `META-INF/versions/N/`. Undefined for resources, for module-info and
   * for class files elsewhere under META-INF, which no class loader finds by that name.
   */
  readonly className: string | undefined;
  /** N of `META-INF/versions/N/` in a multi-release jar (JAR spec, N >= 9); else undefined. */
  readonly releaseVersion: number | undefined;
  /** `module-info.class` at any depth (JPMS descriptor, not a class on the classpath). */
  readonly isModuleInfo: boolean;
  readonly isPackageInfo: boolean;
}

/** What the central directory of a jar lists, with the jar's own size and modification time. */
export interface JarIndex {
  readonly kind: 'jar';
  readonly path: string;
  readonly size: number;
  readonly mtimeMs: number;
  /** `Multi-Release: true` in the manifest's main section (JAR File Specification). */
  readonly multiRelease: boolean;
  /** Main-section manifest attributes as written, or undefined without a manifest. */
  readonly manifest: Readonly<Record<string, string>> | undefined;
  /** Files only: directory entries (names ending in '/') are left out. */
  readonly entries: readonly ArchiveEntry[];
}

/** The files below a classpath directory such as `target/classes`. */
export interface DirectoryIndex {
  readonly kind: 'directory';
  readonly path: string;
  readonly mtimeMs: number;
  readonly entries: readonly ArchiveEntry[];
  /** Subdirectories that could not be read (unreadable, symlink loop, too deep); the rest is listed. */
  readonly problems: readonly ArchiveError[];
}

export type ClasspathIndex = JarIndex | DirectoryIndex;

const VERSIONED_ENTRY = /^META-INF\/versions\/(\d+)\/(.+)$/;
// Multi-release jars only look in versions 9 and up (JEP 238).
const FIRST_VERSIONED_RELEASE = 9;

/** Classifies an entry name: the class it defines, its release version, module-info/package-info. */
export function describeEntryName(
  name: string,
  multiRelease: boolean,
): Pick<ArchiveEntry, 'className' | 'releaseVersion' | 'isModuleInfo' | 'isPackageInfo'> {
  let base = name;
  let releaseVersion: number | undefined;
  const versioned = multiRelease ? VERSIONED_ENTRY.exec(name) : null;
  if (versioned !== null && Number(versioned[1]) >= FIRST_VERSIONED_RELEASE) {
    releaseVersion = Number(versioned[1]);
    base = versioned[2]!;
  }
  const simpleName = base.slice(base.lastIndexOf('/') + 1);
  const isModuleInfo = simpleName === 'module-info.class';
  const isClassFile = base.endsWith('.class') && !isModuleInfo && !base.startsWith('META-INF/');
  return {
    className: isClassFile ? base.slice(0, -'.class'.length) : undefined,
    releaseVersion,
    isModuleInfo,
    isPackageInfo: simpleName === 'package-info.class',
  };
}
