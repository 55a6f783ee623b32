/** The case explorer's questions and answers, for the engine's users (defined below, in src/analysis). */
export * from '../analysis/cases/explore-types';
