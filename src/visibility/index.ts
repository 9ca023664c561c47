// AI visibility, the pure part: asking answer engines, finding brands in their answers, scoring
// who is named and cited. Knows no GraphQL, queue or database; the jobs of a visibility audit use it.
export { createEngineClient, type EngineAnswer, type EngineClient } from './engines/client';
export { RemoteApiError, type RemoteApiErrorCode } from '../remoteApi';
export { createEngineLimiter, type EngineLimiter } from './engines/limiter';
export type { Sentiment } from './lexicon';
export { compileBrands, type AnswerAnalysis, type BrandMatcher, type BrandSpec, type Citation, type Mention } from './mentions';
export {
  intervalsDisjoint,
  mentionChange,
  scoreVisibility,
  VISIBILITY_METRICS,
  wilson,
  type BrandVisibility,
  type CitedDomain,
  type EngineVisibility,
  type Interval,
  type PromptResult,
  type ScoredAnswer,
  type VisibilityScores,
} from './scoring';
export { citedPagesOfLostPrompts, visibilityInsights, type VisibilityInsight } from './insights';
export { generatePrompts, parseGeneratedPrompts, templatePrompts, GENERATED_PROMPTS, type PromptSubject } from './prompts';
export type { InsightModel } from './insightModel';
export { judgeMentions } from './judge';
export { writeVisibilityInsights } from './modelInsights';
