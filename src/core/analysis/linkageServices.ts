import { isSummary, type ClasspathIndexer } from './classpathIndexer';
import type { ClassSummary } from './classSummary';
import type { PlatformClasses } from './jdkClasses';
import type { ModuleContext, ScopeView } from './moduleContext';
import type { RepositoryClassIndex } from './repositoryClassIndex';

/** What the class-level analyses share across modules and scopes within one run. */
export interface LinkageServices {
  readonly indexer: ClasspathIndexer;
  readonly platform: PlatformClasses;
  readonly repositoryIndex: RepositoryClassIndex;
}

/** A class as the scope's class loader would load it: from the first element that defines it. */
export interface LoadedClass {
  readonly elementIndex: number;
  readonly summary: ClassSummary;
}

/** What a class-level check of one scope works on. */
export interface LinkageCheck {
  readonly context: ModuleContext;
  readonly view: ScopeView;
  readonly loaded: ReadonlyMap<string, LoadedClass>;
  readonly services: LinkageServices;
  readonly signal?: AbortSignal;
}

/**
 * Parses the classes of every element of a scope and keeps, per binary name, the copy that wins by
 * classpath order. Copies that fail to parse are left out (the invalid-class-file check reports them).
 */
export async function loadedClasses(services: LinkageServices, view: ScopeView, signal?: AbortSignal): Promise<Map<string, LoadedClass>> {
  const parsed = await Promise.all(view.elements.map(({ indexed }) => services.indexer.classesOf(indexed, signal)));
  const loaded = new Map<string, LoadedClass>();
  for (const [className, definers] of view.definers) {
    const elementIndex = definers[0]!;
    const summary = parsed[elementIndex]!.get(className);
    if (isSummary(summary)) loaded.set(className, { elementIndex, summary });
  }
  return loaded;
}
