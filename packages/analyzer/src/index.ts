export { analyze, type AnalyzeOptions, type AnalyzeResult } from './analyze.js';
export { parseAnalyzerCache, type AnalyzerCache } from './cache/walk-cache.js';
export { parseAhead, type ParsedAhead } from './cache/parse-ahead.js';
