import type { Category } from './categories.js';
import type { CodeSpan, ProjectFacts } from './facts.js';
import type { RedlineVocabulary } from './vocabulary/team-vocabulary.js';

/** What a rule's cross-file half reports: where to look, why, and the other files involved. */
export interface ProjectFinding {
  at: CodeSpan;
  message: string;
  related?: { at: CodeSpan; message: string }[];
}

/**
 * The cross-file half of a rule (`rules/<id>/project.ts`): same name and
 * category as its ESLint half, and a check that only queries project facts.
 */
export interface ProjectCheck {
  name: string;
  category: Category;
  check(facts: ProjectFacts, vocabulary: RedlineVocabulary): ProjectFinding[];
  /**
   * Places where the rule's per-file half would report but the project shows
   * it is fine (a route whose router is mounted behind auth in another file):
   * the scan drops the per-file finding there.
   */
  refute?(facts: ProjectFacts, vocabulary: RedlineVocabulary): CodeSpan[];
  /**
   * Code the per-file half judges without what the project shows (a handler
   * behind a role check in another file): the scan drops the per-file
   * findings anywhere inside these spans.
   */
  refuteWithin?(facts: ProjectFacts, vocabulary: RedlineVocabulary): CodeSpan[];
}

/** A per-file finding the project facts show to be wrong: on `line`, or anywhere from `line` to `endLine`. */
export interface RefutedPlace {
  ruleId: string;
  file: string;
  line: number;
  endLine?: number;
}
