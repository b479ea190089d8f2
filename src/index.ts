/**
 * safeguarding-ict-rules: the local child protection procedure "Child Abuse and
 * Information Communication Technology" as an executable, explainable rule set.
 *
 * @packageDocumentation
 */
export { evaluate, evaluateSync, safeEvaluate, evaluateMany, createEvaluator, EngineModeError } from './evaluate.js';
export type { Evaluator, EvaluatorOptions, EvaluateOptions, CalendarOption, SafeEvaluateResult } from './evaluate.js';

export { parseCaseSnapshot } from './snapshot/parseCaseSnapshot.js';
export { caseSnapshotSchema } from './snapshot/schema.js';
export type { CaseSnapshot, CaseSnapshotInput, Concern, PersonOfConcern, Child, GroomingMeeting, Jurisdiction } from './snapshot/schema.js';
export { CaseValidationError } from './snapshot/errors.js';
export { OptionsError } from './options/errors.js';
export { isCaseValidationError, isOptionsError, isRuleSetError, isCalendarRangeError, isCalendarDataError, isEngineModeError } from './errors/guards.js';
export { redactDecision } from './redact/redactDecision.js';
export type { ValidationIssue } from './snapshot/errors.js';

export { decisionSchema } from './decision/decisionSchema.js';
export type {
  Decision,
  RequiredAction,
  ProcedureTriggered,
  Deadline,
  Consideration,
  RiskIndicator,
  Caution,
  InformationNeeded,
  TraceEntry,
  TraceNode,
  Source,
  Urgency,
} from './decision/decisionSchema.js';

export { loadRuleSet } from './ruleSet/loadRuleSet.js';
export type { RuleSet, RuleSetSource, LoadedRule } from './ruleSet/loadRuleSet.js';
export { bundledRuleSetSource } from './ruleSet/bundledRuleSet.js';
export { RuleSetError } from './ruleSet/errors.js';
export type { RuleSetIssue } from './ruleSet/errors.js';
export { ruleFileSchema, catalogueSchema, parametersSchema } from './ruleSet/ruleSetSchema.js';
export type { Parameters, RuleFile, Section15Version, ConditionNode, LeafCondition, QuantifierCondition, QuantifierFields, RuleOutput, RuleParams } from './ruleSet/ruleSetSchema.js';
export { DECISIONS, DECISION_IDS } from './ruleSet/decisions.js';
export type { DecisionId } from './ruleSet/decisions.js';
export { RULE_LIMITS } from './ruleSet/limits.js';
export type { RuleLimit } from './ruleSet/limits.js';
export { FACT_TYPES } from './facts/factNames.js';
export type { FactType } from './facts/factNames.js';
export { LIBRARY_VERSION } from './ruleSet/libraryVersion.js';
export type { OverlayInput, LoadedOutput } from './ruleSet/loadRuleSet.js';

export { overlaySchema } from './overlays/overlaySchema.js';
export type { Overlay } from './overlays/overlaySchema.js';
export { DEADLINE_ANCHORS } from './overlays/deadlineAnchors.js';
export type { DeadlineAnchor } from './overlays/deadlineAnchors.js';
export type { OverlaySummary } from './decision/decisionSchema.js';
export { diffDecisions } from './overlays/diffDecisions.js';
export type { DecisionDiff, ListDiff, DeadlineChange } from './overlays/diffDecisions.js';
export { decisionRecord, decisionRecordSchema } from './overlays/decisionRecord.js';
export type { DecisionRecord } from './overlays/decisionRecord.js';

export { addWorkingDays } from './calendar/addWorkingDays.js';
export { workingDaysBetween } from './calendar/workingDaysBetween.js';
export { isWorkingDay } from './calendar/isWorkingDay.js';
export { withClosures } from './calendar/withClosures.js';
export { calendarFromGovUk } from './calendar/calendarFromGovUk.js';
export { builtInCalendar, calendarForJurisdiction, DIVISIONS } from './calendar/calendar.js';
export type { WorkingDayCalendar, Division } from './calendar/calendar.js';
export { CalendarRangeError, CalendarDataError } from './calendar/errors.js';
export type { S15Result, S15Element, ElementStatus } from './s15/evaluateSection15.js';
