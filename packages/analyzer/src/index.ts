export { analyze, type AnalyzeOptions, type AnalyzeResult } from './analyze.js';
