/**
 * `safeguarding-ict-rules/validate`: case snapshot validation alone, without
 * the rules engine (for a form that checks a snapshot before sending it).
 *
 * @packageDocumentation
 */
export { parseCaseSnapshot } from '../snapshot/parseCaseSnapshot.js';
export { caseSnapshotSchema } from '../snapshot/schema.js';
export type { CaseSnapshot, CaseSnapshotInput, Concern, PersonOfConcern, Child, GroomingMeeting, Jurisdiction } from '../snapshot/schema.js';
export { CaseValidationError } from '../snapshot/errors.js';
export type { ValidationIssue } from '../snapshot/errors.js';
export { isCaseValidationError } from '../errors/guards.js';
