/** Whose rules apply where the engines differ (SEMANTICS.md, "Where the engines' rules differ"). */
export type Semantics = 'flink' | 'beam' | 'spark' | 'kafka-streams';
export const SEMANTICS: readonly Semantics[] = ['flink', 'beam', 'spark', 'kafka-streams'];
