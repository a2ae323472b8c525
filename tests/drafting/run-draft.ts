import { cpSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { draft, reportFileName, type DraftRun } from '../../src/drafting/draft.ts';
import { DraftReportSchema, type DraftReport } from '../../src/drafting/report.ts';
import type { FormName } from '../../src/drafting/issue-forms.ts';
import type { DraftingEnv } from '../../src/drafting/settings.ts';
import { checkRegistry } from '../../src/registry/check.ts';
import { isProblem, parseEntryFile } from '../../src/registry/entry-file.ts';
import type { Problem } from '../../src/registry/problems.ts';
import { startStub, type OpenAiStub, type RecordedRequest, type StubReply } from './openai-stub.ts';
import {
	formBody,
	issueEvent,
	systemAnswers,
	tempDir,
	tempRegistry,
	writeEvent,
	type FormAnswer,
} from './helpers.ts';

/** One drafting scenario: the issue, the stub's replies, the environment. */
export interface Scenario {
	/** The form the issue is opened with: the full system form unless told. */
	form?: FormName;
	answers?: Record<string, FormAnswer>;
	/** A body to use instead of a form's. */
	body?: string | null;
	labels?: string[];
	title?: string;
	replies?: StubReply[];
	env?: DraftingEnv;
}

/** A scenario's outcome, with what the stub received. */
export interface Run extends DraftRun {
	report: DraftReport;
	outDir: string;
	registryDir: string;
	requests: RecordedRequest[];
}

/** The Chat Completions request body, as far as the tests read it. */
export interface ChatBody {
	model: string;
	messages: { role: string; content: string }[];
	temperature?: number;
	max_tokens?: number;
	max_completion_tokens?: number;
	response_format: {
		type: string;
		json_schema?: { name: string; strict: boolean; schema: Record<string, unknown> };
	};
}

/** A drafted entry's data, as far as the tests read it. */
export interface DraftedEntry {
	id: string;
	language: { original: string; translation: string };
	provenance: { issue: number; drafted?: Record<string, string>; fields: Record<string, string> };
	[field: string]: unknown;
}

/** Runs a scenario in-process, against a fresh registry and a fresh stub (closed after). */
export async function runScenario(scenario: Scenario = {}): Promise<Run> {
	const stub: OpenAiStub = await startStub(scenario.replies ?? []);
	try {
		const work = tempDir();
		const registryDir = tempRegistry();
		const body =
			scenario.body !== undefined
				? scenario.body
				: formBody(scenario.form ?? 'systems-detailed', scenario.answers ?? systemAnswers());
		const eventPath = writeEvent(
			work,
			issueEvent({
				body,
				number: 42,
				title: scenario.title ?? '[Système d’IA / AI system] Assistant',
				labels: scenario.labels ?? [],
			}),
		);
		const outDir = join(work, 'out');
		const outcome = await draft({
			eventPath,
			registryDir,
			outDir,
			env: {
				AI_PROVIDER: 'openai',
				AI_BASE_URL: stub.url,
				AI_API_KEY: 'test-key',
				AI_MODEL: 'gpt-4.1-mini',
				AI_TIMEOUT_MS: '2000',
				AI_MAX_RETRIES: '2',
				...scenario.env,
			},
		});
		const written = DraftReportSchema.parse(
			JSON.parse(readFileSync(join(outDir, reportFileName), 'utf8')),
		);
		return { ...outcome, report: written, outDir, registryDir, requests: stub.requests };
	} finally {
		await stub.close();
	}
}

/** The body of the n-th request the stub received. */
export function requestBody(run: Run, index = 0): ChatBody {
	const request = run.requests[index];
	if (!request) throw new Error(`no request #${index} (got ${run.requests.length})`);
	return request.body as unknown as ChatBody;
}

/** The drafted entry: its data and body, read back with the registry's own parser. */
export function readEntry(run: Run): { data: DraftedEntry; body: string; text: string } {
	if (!run.report.file) throw new Error(`no entry written (status ${run.report.status})`);
	const path = join(run.outDir, run.report.file);
	const text = readFileSync(path, 'utf8');
	const file = parseEntryFile(path, text);
	if (isProblem(file)) throw new Error(file.message.en);
	return { data: file.data as DraftedEntry, body: file.body, text };
}

/** What `npm run registry -- check` says once the draft is in the registry. */
export async function checkWithDraft(run: Run): Promise<Problem[]> {
	if (!run.report.file) throw new Error('no entry written');
	cpSync(join(run.outDir, run.report.file), join(run.registryDir, run.report.file));
	return checkRegistry(run.registryDir);
}

/** Files under the output folder, relative to it. */
export function outputFiles(run: Run): string[] {
	return readdirSync(run.outDir, { recursive: true, withFileTypes: true })
		.filter((entry) => entry.isFile())
		.map((entry) => join(entry.parentPath, entry.name).slice(run.outDir.length + 1))
		.sort();
}

/** The value at a dotted path of a JSON value (`properties.models.items`). */
export function at(value: unknown, path: string): unknown {
	return path
		.split('.')
		.reduce<unknown>(
			(current, key) =>
				typeof current === 'object' && current !== null
					? (current as Record<string, unknown>)[key]
					: undefined,
			value,
		);
}
