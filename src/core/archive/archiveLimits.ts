/**
 * Bounds on what one classpath entry may make us read, so that a hostile or broken archive gives a
 * typed error instead of a hang or an exhausted heap (the zip-bomb defences yauzl's README asks of
 * its callers: a declared size is not trusted, inflation is capped).
 */
export interface ArchiveLimits {
  /** Most entries a jar's central directory, or a classpath directory, may list. */
  readonly maxEntries: number;
  /** Largest uncompressed size an entry may declare in the central directory. */
  readonly maxDeclaredEntrySize: number;
  /** Largest entry that is ever inflated into memory. */
  readonly maxInflatedEntrySize: number;
  /** Largest META-INF/MANIFEST.MF read while indexing. */
  readonly maxManifestSize: number;
  /** Deepest directory nesting followed below a classpath directory. */
  readonly maxDirectoryDepth: number;
}

/**
 * Defaults: the biggest real jars (SDK bundles, shaded uber-jars) list a few hundred thousand
 * entries; the biggest class files are a few megabytes.
 */
export const DEFAULT_ARCHIVE_LIMITS: ArchiveLimits = {
  maxEntries: 500_000,
  maxDeclaredEntrySize: 1024 * 1024 * 1024,
  maxInflatedEntrySize: 64 * 1024 * 1024,
  maxManifestSize: 1024 * 1024,
  maxDirectoryDepth: 128,
};

/** Options every archive reader takes. */
export interface ArchiveOptions {
  readonly signal?: AbortSignal;
  readonly limits?: Partial<ArchiveLimits>;
}

export function resolveLimits(limits: Partial<ArchiveLimits> | undefined): ArchiveLimits {
  return limits === undefined ? DEFAULT_ARCHIVE_LIMITS : { ...DEFAULT_ARCHIVE_LIMITS, ...limits };
}
