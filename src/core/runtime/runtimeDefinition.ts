/**
 * How a runtime's class loader picks between its own jars and the job's: `parent-first` is Java's default
 * delegation (ClassLoader.loadClass asks the parent first), `child-first` is the inverted order of Flink's
 * `classloader.resolve-order: child-first` and Spark's `userClassPathFirst`.
 */
export type LoadingOrder = 'parent-first' | 'child-first';

/** A runtime a job is deployed into: the jars it brings and how its class loader orders them against the job's. */
export interface RuntimeDefinition {
  readonly name: string;
  /** Folders (their *.jar files) or globs of jars; relative ones against the workspace folder, `~` is the home folder. */
  readonly libs: readonly string[];
  readonly order: LoadingOrder;
  /** Dotted class-name prefixes always loaded from the runtime under child-first loading (Flink's patterns). */
  readonly parentFirstPatterns: readonly string[];
}

/**
 * Flink's `classloader.parent-first-patterns.default` (CoreOptions.ALWAYS_PARENT_FIRST_LOADER_PATTERNS, as
 * the "Debugging Classloading" and configuration pages document it): classes shared between Flink's core and
 * user code, resolved through the parent class loader even though user code loads child-first. Users add
 * their own with `classloader.parent-first-patterns.additional` (here `additionalParentFirstPatterns`).
 */
export const FLINK_PARENT_FIRST_PATTERNS: readonly string[] = [
  'java.',
  'scala.',
  'org.apache.flink.',
  'com.esotericsoftware.kryo',
  'org.apache.hadoop.',
  'javax.annotation.',
  'org.xml',
  'javax.xml',
  'org.apache.xerces',
  'org.w3c',
  'org.rocksdb.',
  'org.slf4j',
  'org.apache.log4j',
  'org.apache.logging',
  'org.apache.commons.logging',
  'ch.qos.logback',
];

// Only the boot loader may define java.* (JVMS §5.3.5), so every order loads them from the platform.
const JAVA_ONLY: readonly string[] = ['java.'];

/**
 * The built-in runtimes, without jars (a user runtime extending one names its lib folders):
 * `flink` loads user code child-first except its parent-first patterns; `spark` puts the application jar
 * after Spark's `jars/` (parent-first); `spark-user-first` is Spark with `spark.driver.userClassPathFirst`
 * / `spark.executor.userClassPathFirst` set: the application's jars first, nothing forced parent-first but java.*.
 */
export const RUNTIME_PRESETS: ReadonlyMap<string, RuntimeDefinition> = new Map(
  [
    { name: 'flink', libs: [], order: 'child-first', parentFirstPatterns: FLINK_PARENT_FIRST_PATTERNS },
    { name: 'spark', libs: [], order: 'parent-first', parentFirstPatterns: JAVA_ONLY },
    { name: 'spark-user-first', libs: [], order: 'child-first', parentFirstPatterns: JAVA_ONLY },
  ].map((definition): [string, RuntimeDefinition] => [definition.name, definition as RuntimeDefinition]),
);

/**
 * The parent-first pattern that makes a class load from the runtime under child-first loading, if any:
 * Flink's ChildFirstClassLoader compares the dotted binary name with each pattern by `startsWith`.
 */
export function parentFirstPatternOf(definition: RuntimeDefinition, className: string): string | undefined {
  if (className.startsWith('java.')) return 'java.';
  return definition.parentFirstPatterns.find((pattern) => pattern !== '' && className.startsWith(pattern));
}

/** Whether the runtime's copy of a class wins over the job's under the runtime's loading rules. */
export function runtimeLoadsFirst(definition: RuntimeDefinition, className: string): boolean {
  return definition.order === 'parent-first' || parentFirstPatternOf(definition, className) !== undefined;
}
