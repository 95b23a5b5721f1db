/**
 * Rules that relate two fields, checked on the normalized scenario. Each rule names the field to
 * fix, says what it must be and why (which engine's rule forbids the combination), and shows the
 * other field involved. The first broken rule, in the order below, is the one reported. The rules
 * live in rules/, one file a concern; rules/rule.ts says how a broken one is worded.
 */
import type { Problem } from './issues.js';
import type { Reporter } from './reporter.js';
import { checkpointRule, deliveryRule, savepointsRule } from './rules/delivery.js';
import { completeMode, costRule, engineRule, wholeRows } from './rules/engine.js';
import { failuresRule } from './rules/failures.js';
import { generatorRule, inputFields, pipelineRule } from './rules/input.js';
import type { Rule } from './rules/rule.js';
import { engineOnlyFields, kafkaStreamsRule, processingTimeRule, sparkRule } from './rules/semantics.js';
import { scriptedNeedsTimeline, timelineInOrder, watermarkStepsNeedScripted } from './rules/timeline.js';
import { windowShape } from './rules/window.js';
import type { Scenario } from './types.js';

const RULES: readonly Rule[] = [
  inputFields,
  timelineInOrder,
  generatorRule,
  pipelineRule,
  windowShape,
  scriptedNeedsTimeline,
  watermarkStepsNeedScripted,
  engineOnlyFields,
  kafkaStreamsRule,
  sparkRule,
  processingTimeRule,
  engineRule,
  completeMode,
  wholeRows,
  costRule,
  checkpointRule,
  deliveryRule,
  failuresRule,
  savepointsRule,
];

/** The first rule `scenario` breaks, or undefined. */
export function brokenRule(scenario: Scenario, reporter: Reporter): Problem | undefined {
  for (const rule of RULES) {
    const problem = rule(scenario, reporter);
    if (problem !== undefined) return problem;
  }
  return undefined;
}
