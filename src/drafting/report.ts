import type { DraftError, DraftReport, DraftStatus } from '../contract/draft-report.ts';

/**
 * The report `npm run draft` writes is the contract between the drafting job and the publishing
 * job (src/github/): it is defined once, in src/contract/draft-report.ts, which both import.
 */
export {
	CostSchema,
	DraftErrorSchema,
	DraftReportSchema,
	DraftStatusSchema,
	EnergySchema,
	FieldSourceSchema,
	PersonalDataSchema,
	ToCompleteSchema,
	UsageSchema,
	emptyReport,
	type DraftError,
	type DraftReport,
	type DraftStatus,
	type Usage,
} from '../contract/draft-report.ts';

/** Exit code of `npm run draft` for each status. */
export const exitCodes: Record<DraftStatus, 0 | 1 | 2 | 3> = {
	drafted: 0,
	'invalid-form': 2,
	'not-a-registry-issue': 2,
	'error-report': 2,
	'model-failed': 3,
	error: 1,
};

/** Ends a draft's run with `status` and the errors that explain it. */
export function stopDraft(report: DraftReport, status: DraftStatus, ...errors: DraftError[]): void {
	report.status = status;
	report.errors.push(...errors);
}
