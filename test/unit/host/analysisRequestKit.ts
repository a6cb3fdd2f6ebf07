import type { AnalysisRequest, ReactorRequest } from '../../../src/host/findings/analyseReactors';

/** One reactor with default settings (no profiles, properties or ignore patterns, every analysed scope). */
export function defaultReactor(pomPath: string, localRepository: string): ReactorRequest {
  return {
    pomPath,
    localRepository,
    settingsFile: undefined,
    activeProfiles: [],
    inactiveProfiles: [],
    userProperties: [],
    javaHome: undefined,
    scopes: ['compile', 'runtime', 'test'],
    ignore: {},
  };
}

/** A request for one reactor with default settings and the given unsaved pom texts. */
export function reactorRequest(pomPath: string, localRepository: string, pomTexts: AnalysisRequest['pomTexts'], repositoryGeneration?: number): AnalysisRequest {
  return { reactors: [defaultReactor(pomPath, localRepository)], pomTexts, ...(repositoryGeneration === undefined ? {} : { repositoryGeneration }) };
}
