import { ClasspathIndexer } from '../analysis/classpathIndexer';
import { ClassParsePool } from '../analysis/workers/classParsePool';
import { JarIndexCache } from '../cache/jarIndexCache';

/** A class indexer for explaining, reading jar indexes through the persistent cache when given one. */
export function openExplainIndexer(cacheDir: string | undefined, javaRelease?: number): { indexer: ClasspathIndexer; close: () => Promise<void> } {
  const cache = new JarIndexCache(cacheDir);
  // Explaining parses a handful of jars: in-process parsing costs less than starting workers.
  const pool = new ClassParsePool({ maxWorkers: 0 });
  const indexer = new ClasspathIndexer({ cache, pool, javaRelease });
  return {
    indexer,
    close: async () => {
      await pool.close();
      await cache.flush();
    },
  };
}
