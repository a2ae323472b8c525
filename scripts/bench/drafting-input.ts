/**
 * `npm run bench -- drafting-input [--size BYTES] [--rounds N]`: parses and redacts issue bodies
 * of about 1 MB, each built on one shape an attacker can give (long runs without `@`, many `@`,
 * dots, digits, `###`, blank lines, padded headings, realistic prose full of personal data),
 * against merely reading the same body (`Buffer.from(body)`) in the same process, rounds
 * interleaved. Parsing is `matchIssue` and `readAnswers`, what `npm run draft` does before it
 * decides anything; redaction is `redact` over the whole body.
 */
import { availableParallelism, cpus, loadavg, totalmem } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { median } from './median.ts';
import { readAnswers } from '../../src/drafting/form-answers.ts';
import { loadFormTemplates } from '../../src/drafting/form-templates.ts';
import { matchIssue } from '../../src/drafting/parse-issue.ts';
import { redact } from '../../src/drafting/redact.ts';
import { loadRegistry } from '../../src/registry/load.ts';
import { formBody, systemAnswers } from '../../tests/drafting/helpers.ts';

const projectRoot = resolve(import.meta.dirname, '..', '..');

/** The goal of the issue: a 1 MB body parses and redacts in well under a second. */
export const goalMs = 1000;

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
		},
	});
	const size = Number(values.size);
	const rounds = Number(values.rounds);
	if (!Number.isInteger(size) || size < 1) throw new Error(`bad --size: ${values.size}`);
	if (!Number.isInteger(rounds) || rounds < 1) throw new Error(`bad --rounds: ${values.rounds}`);
	// The forms and the registry are read relative to the working directory.
	process.chdir(projectRoot);
	const templates = await loadFormTemplates();
	const registry = await loadRegistry('registry');
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
	const machine = `${availableParallelism()} CPUs (${cpus()[0]?.model ?? 'unknown'}), ${Math.round(totalmem() / 1024 ** 2)} MB RAM, Node ${process.version}`;
	console.log(
		[
			`drafting-input: ${rounds} interleaved rounds per body, medians in ms:`,
			'| Body | MB | Read | Parse | Redact | Parse + redact | Ratio to read |',
			'| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
			...rows,
			`Slowest body: ${worst.toFixed(0)} ms to parse and redact (goal well under ${goalMs} ms): ${worst < goalMs / 2 ? 'pass' : 'FAIL'}`,
			`Machine: ${machine}; load average ${loadavg()
				.map((n) => n.toFixed(1))
				.join(', ')}.`,
		].join('\n'),
	);
}

if (import.meta.main) await run(process.argv.slice(2));
