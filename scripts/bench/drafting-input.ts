/**
 * `npm run bench -- drafting-input [--size BYTES] [--rounds N] [--entries N,N…]`, two parts.
 *
 * Issue bodies: parses and redacts issue bodies of about 1 MB, each built on one shape an
 * attacker can give (long runs without `@`, many `@`, dots, digits, `###`, blank lines, padded
 * headings, realistic prose full of personal data), against merely reading the same body
 * (`Buffer.from(body)`) in the same process, rounds interleaved. Parsing is `matchIssue` and
 * `readAnswers`, what `npm run draft` does before it decides anything; redaction is `redact`
 * over the whole body.
 *
 * Registry size: everything `npm run draft` does for an AI draft besides reading files and
 * waiting for the model, for a normal system issue naming a model and a dataset, against the
 * sample registry grown to N entries of every kind (ids of 47 characters, in memory): parsing
 * and reading the answers, the form's own check, redaction, the prompt (candidates, schema
 * variants, example, budget) and the check of a valid answer. The largest size runs first, in
 * a fresh process, so its first run is what a real draft costs.
 */
import { availableParallelism, cpus, loadavg, totalmem } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { median } from './median.ts';
import { answerVariants } from '../../src/drafting/answer-schema.ts';
import { assembleEntry, type EntryFrame } from '../../src/drafting/entry-data.ts';
import { readAnswers } from '../../src/drafting/form-answers.ts';
import { resolveField } from '../../src/drafting/form-fields.ts';
import { formDecidedProblems } from '../../src/drafting/form-problems.ts';
import { loadFormTemplates, type FormTemplate } from '../../src/drafting/form-templates.ts';
import { matchIssue } from '../../src/drafting/parse-issue.ts';
import { buildPrompt, loadPrompt } from '../../src/drafting/prompt.ts';
import { redact } from '../../src/drafting/redact.ts';
import { checkEntry } from '../../src/registry/check.ts';
import { loadRegistry, type Registry } from '../../src/registry/load.ts';
import { fromStructuredOutput } from '../../src/registry/structured-output.ts';
import { aiSystem, formBody, strictAnswer, systemAnswers } from '../../tests/drafting/helpers.ts';
import { largeRegistry } from '../../tests/drafting/large-registry.ts';

const projectRoot = resolve(import.meta.dirname, '..', '..');

/** The goal of the issue: a 1 MB body parses and redacts in well under a second. */
export const goalMs = 1000;

/** The goal of issue #15: the drafting's own work at 10,000 entries per kind. */
export const registryGoalMs = 500;

/** A text of `size` characters repeating `unit`. */
function filled(unit: string, size: number): string {
	return unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
}

/** The bodies measured: the systems form with one answer (or heading) made about `size` long. */
function bodies(size: number): Record<string, string> {
	const form = (answers: Record<string, string>) =>
		formBody('systems', { ...systemAnswers(), ...answers });
	return {
		'prose with personal data': form({
			details: filled(
				'Écrire à jeanne.dupont@clairval.example ou au 06 12 34 56 78, IBAN FR76 3000 6000 0112 3456 7890 189, serveur 10.0.0.1. ',
				size,
			),
		}),
		'letters, no @': form({ details: filled('a', size) }),
		'digits, no @': form({ details: filled('7', size) }),
		'letters and dots': form({ details: filled('a.', size) }),
		'many @': form({ details: filled('a@', size) }),
		'digit groups (phone, NIR, IBAN)': form({ details: filled('12 ', size) }),
		'digits and dots (IP)': form({ details: filled('12.', size) }),
		'hex and colons (IPv6)': form({ details: filled('abcd:', size) }),
		'### everywhere': form({ details: filled('### x ###\n', size) }),
		'blank lines': form({ details: `a${filled('\n', size)}b` }),
		'padded heading line': form({ details: `### a${filled(' ', size)}b` }),
		'models used padded with spaces': form({ models: `a${filled(' ', size)}b` }),
	};
}

/** Runs the benchmark with command-line arguments (after `--`). */
export async function run(argv: string[]): Promise<void> {
	const { values } = parseArgs({
		args: argv,
		options: {
			size: { type: 'string', default: String(1024 * 1024) },
			rounds: { type: 'string', default: '5' },
			entries: { type: 'string', default: '10000,1000,300,10' },
		},
	});
	const sizes = values.entries.split(',').map(Number);
	if (sizes.some((n) => !Number.isInteger(n) || n < 1)) {
		throw new Error(`bad --entries: ${values.entries}`);
	}
	const size = Number(values.size);
	const rounds = Number(values.rounds);
	if (!Number.isInteger(size) || size < 1) throw new Error(`bad --size: ${values.size}`);
	if (!Number.isInteger(rounds) || rounds < 1) throw new Error(`bad --rounds: ${values.rounds}`);
	// The forms and the registry are read relative to the working directory.
	process.chdir(projectRoot);
	const templates = await loadFormTemplates();
	const registry = await loadRegistry('examples/clairval/registry');
	// First, in a fresh process: the largest registry's first run is a real draft's cost.
	const registryRows = await registrySizes(registry, templates, sizes, rounds);
	const models = registry.models.map((entry) => ({ id: entry.id, name: entry.data.name }));

	const parse = (body: string) => {
		const match = matchIssue(body, [], templates);
		if (match.kind !== 'form') throw new Error(`a benchmark body was read as ${match.kind}`);
		return readAnswers('systems', match.answers, registry.vocabularies, models);
	};
	const read = (body: string) => Buffer.from(body, 'utf8').length;
	const time = (task: () => unknown) => {
		const start = performance.now();
		task();
		return performance.now() - start;
	};

	const rows: string[] = [];
	let worst = 0;
	for (const [shape, body] of Object.entries(bodies(size))) {
		// One untimed run of each compiles the code and the regexes.
		read(body);
		parse(body);
		redact(body);
		const reading: number[] = [];
		const parsing: number[] = [];
		const redacting: number[] = [];
		for (let round = 0; round < rounds; round++) {
			reading.push(time(() => read(body)));
			parsing.push(time(() => parse(body)));
			redacting.push(time(() => redact(body)));
		}
		const total = median(parsing.map((ms, i) => ms + (redacting[i] ?? 0)));
		worst = Math.max(worst, total);
		const cells = [
			shape,
			`${(body.length / 1024 ** 2).toFixed(2)}`,
			median(reading).toFixed(2),
			median(parsing).toFixed(1),
			median(redacting).toFixed(1),
			total.toFixed(1),
			(total / median(reading)).toFixed(0),
		];
		rows.push(`| ${cells.join(' | ')} |`);
	}
	const largest = Math.max(...sizes);
	const atLargest = registryRows.find((row) => row.entries === largest)?.first;
	const wall = atLargest?.total ?? NaN;
	const processor = atLargest?.cpu ?? NaN;
	const machine = `${availableParallelism()} CPUs (${cpus()[0]?.model ?? 'unknown'}), ${Math.round(totalmem() / 1024 ** 2)} MB RAM, Node ${process.version}`;
	console.log(
		[
			`drafting-input: ${rounds} interleaved rounds per body, medians in ms:`,
			'| Body | MB | Read | Parse | Redact | Parse + redact | Ratio to read |',
			'| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
			...rows,
			`Slowest body: ${worst.toFixed(0)} ms to parse and redact (goal well under ${goalMs} ms): ${worst < goalMs / 2 ? 'pass' : 'FAIL'}`,
			'',
			`drafting-input, registry size: a normal system issue, first run then the median of ${rounds} rounds, in ms:`,
			'| Entries per kind | Run | Parse | Form check | Redact | Prompt | Answer check | Total | CPU | Sent | Left out |',
			'| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
			...registryRows.map((row) => row.line),
			`At ${largest} entries per kind, first run: ${wall.toFixed(0)} ms, ${processor.toFixed(0)} ms of processor time (goal at most ${registryGoalMs} ms at 10,000): ${wall <= registryGoalMs ? 'pass' : 'FAIL'} on the clock, ${processor <= registryGoalMs ? 'pass' : 'FAIL'} in processor time`,
			`Machine: ${machine}; load average ${loadavg()
				.map((n) => n.toFixed(1))
				.join(', ')}.`,
		].join('\n'),
	);
}

/** One row of the registry-size table. */
interface RegistryRow {
	entries: number;
	/** The first run: its wall time and its processor time, in ms. */
	first: { total: number; cpu: number };
	line: string;
}

/** Times the drafting's own steps at each registry size, largest first. */
async function registrySizes(
	sample: Registry,
	templates: FormTemplate[],
	sizes: readonly number[],
	rounds: number,
): Promise<RegistryRow[]> {
	const template = await loadPrompt();
	const rows: RegistryRow[] = [];
	for (const entries of [...sizes].sort((a, b) => b - a)) {
		const registry = largeRegistry(sample, entries);
		const model = registry.models[Math.floor(entries / 2)];
		const dataset = registry.datasets[Math.floor(entries / 3)];
		if (!model || !dataset) throw new Error('the synthetic registry is empty');
		const body = formBody('systems', {
			...systemAnswers(),
			models: `${model.data.name}: lit les demandes`,
			details: `Le système lit les questions reçues et propose une réponse, à partir du jeu ${dataset.id}. Un agent relit chaque réponse avant envoi.`,
		});
		const steps = () => draftingSteps(body, registry, templates, template, model.id);
		const first = steps();
		const timed = Array.from({ length: rounds }, steps);
		const cells = (label: string, t: Omit<StepTimes, 'sent' | 'omitted'>) =>
			`| ${entries} | ${label} | ${[t.parse, t.formCheck, t.redact, t.prompt, t.answerCheck, t.total, t.cpu].map((ms) => ms.toFixed(1)).join(' | ')} | ${first.sent} | ${first.omitted.join(', ') || '—'} |`;
		rows.push({ entries, first, line: cells('first', first) });
		const keys = ['parse', 'formCheck', 'redact', 'prompt', 'answerCheck', 'total', 'cpu'] as const;
		const medians = Object.fromEntries(
			keys.map((key) => [key, median(timed.map((times) => times[key]))]),
		) as Omit<StepTimes, 'sent' | 'omitted'>;
		rows.push({ entries, first, line: cells('median', medians) });
	}
	return rows;
}

/** How long each step took, in ms, and what the prompt held. */
interface StepTimes {
	parse: number;
	formCheck: number;
	redact: number;
	prompt: number;
	answerCheck: number;
	total: number;
	/** Processor time of the whole, garbage collection included: what the machine's load hides. */
	cpu: number;
	sent: number;
	omitted: string[];
}

/** The steps of `aiDraft` in `src/drafting/draft.ts` but the model call, each timed. */
function draftingSteps(
	body: string,
	registry: Registry,
	templates: FormTemplate[],
	template: Awaited<ReturnType<typeof loadPrompt>>,
	modelId: string,
): StepTimes {
	const clock = () => performance.now();
	const cpu = process.cpuUsage();
	const t0 = clock();
	const match = matchIssue(body, [], templates);
	if (match.kind !== 'form') throw new Error(`the benchmark issue was read as ${match.kind}`);
	const known = registry.models.map((entry) => ({ id: entry.id, name: entry.data.name }));
	const answers = readAnswers('systems', match.answers, registry.vocabularies, known);
	if (answers.errors.length > 0) throw new Error(JSON.stringify(answers.errors));
	const t1 = clock();
	const frame: EntryFrame = { id: 'bench', issue: 1, today: '2026-12-01', translation: 'machine' };
	const decided = formDecidedProblems(answers, frame, registry);
	if (decided.length > 0) throw new Error(JSON.stringify(decided));
	const t2 = clock();
	// The issue as `draft` words it for the model: the title, each answer, the description.
	const lines = answers.answers.map(
		(answer) => `${resolveField('systems', answer.field.path).doc.label.en}: ${answer.text}`,
	);
	const issueText = [
		'Title: Assistant',
		'Language: French',
		...lines,
		'Description:',
		answers.details,
	];
	const redacted = redact(issueText.join('\n'));
	const t3 = clock();
	const prompt = buildPrompt(template, {
		kind: 'systems',
		organisation: 'Métropole de Clairval',
		original: 'fr',
		variants: answerVariants({
			kind: 'systems',
			registry,
			answered: ['status', 'domain', 'approach', 'automation', 'aiAct.role', 'aiAct.riskClass'],
			refs: true,
			issueText: redacted.text,
		}),
		mode: 'json_schema',
		issueNumber: 1,
		issueText: redacted.text,
		maxChars: 16_000,
	});
	if (prompt.refusal) throw new Error(prompt.refusal.message.en);
	const t4 = clock();
	const models = [{ model: modelId, usage: { fr: 'Lit les demandes.', en: 'Reads requests.' } }];
	const content = JSON.stringify(strictAnswer(prompt.schema, { ...aiSystem(), models }));
	const fromModel = fromStructuredOutput('systems', JSON.parse(content));
	const { data } = assembleEntry(answers, frame, fromModel);
	const problems = checkEntry('systems', data, registry);
	if (problems.length > 0) throw new Error(JSON.stringify(problems));
	const t5 = clock();
	const used = process.cpuUsage(cpu);
	return {
		cpu: (used.user + used.system) / 1000,
		parse: t1 - t0,
		formCheck: t2 - t1,
		redact: t3 - t2,
		prompt: t4 - t3,
		answerCheck: t5 - t4,
		total: t5 - t0,
		sent: prompt.chars,
		omitted: prompt.omitted,
	};
}

if (import.meta.main) await run(process.argv.slice(2));
