import { pathToFileURL } from 'node:url';
import type { RawParent } from '../pom/rawPom';
import { Interpolator } from './interpolation';
import { envProperty } from './profileActivation';

/** The model values that `${project.*}` expressions can reach (uninterpolated, after inheritance). */
export interface InterpolationSubject {
  groupId?: string;
  artifactId?: string;
  version?: string;
  packaging: string;
  name?: string;
  modelVersion?: string;
  parent?: RawParent;
  /** The pom's folder; unknown for a pom read from the local repository. */
  basedir?: string;
  /** The model's properties, looked up by name (only ever read one at a time, so no copy is needed). */
  properties: { get(name: string): string | undefined };
}

export interface InterpolationSources {
  userProperties: ReadonlyMap<string, string>;
  systemProperties: ReadonlyMap<string, string>;
  env: NodeJS.ProcessEnv;
}

function modelValue(subject: InterpolationSubject, path: string): string | undefined {
  switch (path) {
    case 'groupId':
      return subject.groupId;
    case 'artifactId':
      return subject.artifactId;
    case 'version':
      return subject.version;
    case 'packaging':
      return subject.packaging;
    case 'name':
      return subject.name;
    case 'modelVersion':
      return subject.modelVersion;
    case 'parent.groupId':
      return subject.parent?.groupId;
    case 'parent.artifactId':
      return subject.parent?.artifactId;
    case 'parent.version':
      return subject.parent?.version;
    case 'parent.relativePath':
      return subject.parent ? (subject.parent.relativePath ?? '../pom.xml') : undefined;
    // The super POM's build defaults.
    case 'build.directory':
      return '${project.basedir}/target';
    case 'build.outputDirectory':
      return '${project.build.directory}/classes';
    case 'build.testOutputDirectory':
      return '${project.build.directory}/test-classes';
    case 'build.sourceDirectory':
      return '${project.basedir}/src/main/java';
    case 'build.finalName':
      return '${project.artifactId}-${project.version}';
    case 'build.testSourceDirectory':
      return '${project.basedir}/src/test/java';
    case 'build.scriptSourceDirectory':
      return '${project.basedir}/src/main/scripts';
    case 'reporting.outputDirectory':
      return '${project.build.directory}/site';
    // Model.getId().
    case 'id':
      return `${subject.groupId ?? '[inherited]'}:${subject.artifactId}:${subject.packaging ?? 'jar'}:${subject.version ?? '[inherited]'}`;
    default:
      return undefined;
  }
}

/**
 * An interpolator over a model, with Maven 3.8's value sources in their order
 * (AbstractStringBasedModelInterpolator.createValueSources): `basedir`/`project.basedir`/`project.baseUri`;
 * `project.*` and `pom.*` model values; user properties (-D); the model's properties; system properties
 * (with `env.*`, which Maven adds to them); and last, unprefixed model values such as a bare `${version}`.
 */
export function createModelInterpolator(subject: InterpolationSubject, sources: InterpolationSources): Interpolator {
  const { basedir } = subject;
  return new Interpolator((expression) => {
    if (basedir !== undefined) {
      if (expression === 'basedir' || expression === 'project.basedir' || expression === 'pom.basedir') return basedir;
      // Path.toUri of the project's folder, which ends in `/` as the folder exists.
      if (expression === 'project.baseUri' || expression === 'pom.baseUri') return pathToFileURL(basedir.endsWith('/') ? basedir : `${basedir}/`).href;
    }
    const prefixed = expression.startsWith('project.') ? expression.slice(8) : expression.startsWith('pom.') ? expression.slice(4) : undefined;
    if (prefixed !== undefined) {
      const value = modelValue(subject, prefixed);
      if (value !== undefined) return value;
    }
    return (
      sources.userProperties.get(expression) ??
      subject.properties.get(expression) ??
      sources.systemProperties.get(expression) ??
      envProperty(expression, sources.env) ??
      modelValue(subject, expression)
    );
  });
}
