import { access, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { ArchiveError } from '../archive/archiveError';
import { openJar, type OpenJar } from '../archive/openJar';
import { JdkError } from './jdkError';
import { readJdkRelease, type JdkRelease } from './jdkRelease';
import { JImage, type JImageLocation } from './jimage';
import { keepPackages, readKeptPackages } from './jdkPackagesCache';

/** The classes a JDK provides, read from its own files. Class names are binary names with '/'. */
export interface JdkClassIndex {
  readonly home: string;
  readonly release: JdkRelease;
  /** `lib/modules` of JDK 9+, or the boot and extension jars (`rt.jar` ...) of JDK 8. */
  readonly source: 'jimage' | 'rt.jar';
  /** Whether the JDK defines the class, internal packages (jdk/internal/..., sun/...) included. */
  has(binaryName: string): boolean;
  /** The module defining the class on JDK 9+; undefined on JDK 8 or when absent. */
  moduleOf(binaryName: string): string | undefined;
  /** The class file's bytes, or undefined when the JDK has no such class. */
  readClass(binaryName: string): Promise<Buffer | undefined>;
  /** Every class name (reads the whole index: for listings, not for lookups). */
  classNames(): Iterable<string>;
  close(): Promise<void>;
}

// The JDK 8 boot class path (sun.boot.class.path) in order; lib/ext jars follow, as the extension
// class loader is the application loader's parent.
const JDK8_BOOT_JARS = ['resources.jar', 'rt.jar', 'sunrsasign.jar', 'jsse.jar', 'jce.jar', 'charsets.jar', 'jfr.jar'];

/**
 * Loads the class index of the JDK at `home` (see locateJdk): its jimage when it has `lib/modules`,
 * else the JDK 8 jars under `jre/lib` or `lib`. The JDK version comes from its `release` file.
 * `packagesFile`: where the image's package table is kept between runs (see jdkPackagesCache).
 * @throws JdkError when the home has neither, or its image cannot be read.
 */
export async function loadJdkClassIndex(home: string, packagesFile?: string): Promise<JdkClassIndex> {
  const release = await readJdkRelease(home);
  const image = join(home, 'lib', 'modules');
  if (await exists(image)) return jimageClassIndex(home, release, await JImage.open(image), packagesFile);
  for (const lib of [join(home, 'jre', 'lib'), join(home, 'lib')]) {
    if (await exists(join(lib, 'rt.jar'))) return jarClassIndex(home, release, lib);
  }
  throw new JdkError('no-class-source', home, 'neither lib/modules nor rt.jar: not a JDK home');
}

async function jimageClassIndex(home: string, release: JdkRelease, image: JImage, packagesFile: string | undefined): Promise<JdkClassIndex> {
  let packages = packagesFile === undefined ? undefined : readKeptPackages(packagesFile, image);
  if (packages === undefined) {
    try {
      packages = await image.packageModules();
    } catch (error) {
      await image.close();
      throw error;
    }
    if (packagesFile !== undefined) await keepPackages(packagesFile, image, packages);
  }
  const found = new Map<string, JImageLocation | null>();
  const locate = (binaryName: string): JImageLocation | undefined => {
    const known = found.get(binaryName);
    if (known !== undefined) return known ?? undefined;
    const slash = binaryName.lastIndexOf('/');
    let location: JImageLocation | undefined;
    for (const module of packages.get(slash < 0 ? '' : binaryName.slice(0, slash)) ?? []) {
      location = image.find(`/${module}/${binaryName}.class`);
      if (location !== undefined) break;
    }
    found.set(binaryName, location ?? null);
    return location;
  };
  return {
    home,
    release,
    source: 'jimage',
    has: (binaryName) => locate(binaryName) !== undefined,
    moduleOf: (binaryName) => locate(binaryName)?.module,
    async readClass(binaryName) {
      const location = locate(binaryName);
      return location === undefined ? undefined : image.read(location);
    },
    *classNames() {
      for (const location of image.locations()) {
        if (location.extension !== 'class' || location.base === 'module-info') continue;
        if (location.module === '' || location.module === 'modules' || location.module === 'packages') continue;
        yield location.parent === '' ? location.base : `${location.parent}/${location.base}`;
      }
    },
    close: () => image.close(),
  };
}

async function jarClassIndex(home: string, release: JdkRelease, lib: string): Promise<JdkClassIndex> {
  const extJars = (await readdir(join(lib, 'ext')).catch(() => [] as string[])).filter((n) => n.endsWith('.jar')).sort();
  const paths = [...JDK8_BOOT_JARS.map((name) => join(lib, name)), ...extJars.map((name) => join(lib, 'ext', name))];
  const jars: OpenJar[] = [];
  const owner = new Map<string, OpenJar>();
  const entryName = new Map<string, string>();
  try {
    for (const path of paths) {
      let jar: OpenJar;
      try {
        jar = await openJar(path);
      } catch (error) {
        // Only rt.jar is essential; the optional jars of the boot path may be absent.
        if (error instanceof ArchiveError && error.reason === 'missing' && !path.endsWith('rt.jar')) continue;
        throw error instanceof ArchiveError ? new JdkError('unreadable', path, error.message) : error;
      }
      jars.push(jar);
      for (const entry of jar.index.entries) {
        if (entry.className !== undefined && !owner.has(entry.className)) {
          owner.set(entry.className, jar);
          entryName.set(entry.className, entry.name);
        }
      }
    }
  } catch (error) {
    await Promise.all(jars.map((jar) => jar.close()));
    throw error;
  }
  return {
    home,
    release,
    source: 'rt.jar',
    has: (binaryName) => owner.has(binaryName),
    moduleOf: () => undefined,
    async readClass(binaryName) {
      const jar = owner.get(binaryName);
      const name = entryName.get(binaryName);
      if (jar === undefined || name === undefined) return undefined;
      const { bytes, errors } = await jar.readEntries([name]);
      if (errors[0] !== undefined) throw new JdkError('unreadable', jar.index.path, errors[0].message);
      return bytes.get(name);
    },
    classNames: () => owner.keys(),
    close: async () => {
      await Promise.all(jars.map((jar) => jar.close()));
    },
  };
}

function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}
