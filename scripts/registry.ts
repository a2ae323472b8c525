/**
 * `npm run registry -- <command>`: checks the registry or writes its JSON Schema.
 * Thin on purpose: it parses arguments and calls into `src/registry/`.
 */
import * as core from '@actions/core';
import { registryDir } from '../src/config/site.ts';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, isAbsolute, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { checkRegistry } from '../src/registry/check.ts';
import { registryJsonSchema } from '../src/registry/json-schema.ts';
import { formatProblem, type Problem } from '../src/registry/problems.ts';
import { checkSummary, problemAnnotation, problemLogLine } from '../src/registry/check-report.ts';
import { loadVocabularies } from '../src/registry/vocabularies.ts';
import type { Language } from '../src/registry/schemas/index.ts';

const usage = `Usage:
  npm run registry -- check [--registry DIR] [--lang en|fr] [--format text|github] [--today YYYY-MM-DD]
  npm run registry -- schema [--registry DIR] [--out FILE]`;

async function main(argv: string[]): Promise<number> {
	const { values, positionals } = parseArgs({
		args: argv,
		allowPositionals: true,
		options: {
			registry: { type: 'string', default: registryDir },
			lang: { type: 'string', default: 'en' },
			format: { type: 'string', default: 'text' },
			today: { type: 'string' },
			out: { type: 'string' },
			help: { type: 'boolean', short: 'h' },
		},
	});
	const [command] = positionals;
	if (values.help || !command) {
		console.log(usage);
		return values.help ? 0 : 2;
	}
	if (values.lang !== 'en' && values.lang !== 'fr') return fail(`--lang must be en or fr`);
	const lang: Language = values.lang;
	if (values.format !== 'text' && values.format !== 'github') {
		return fail(`--format must be text or github`);
	}
	if (command === 'check') {
		const problems = await checkRegistry(
			values.registry,
			values.today ? { today: values.today } : {},
		);
		// In GitHub Actions every problem stays on its line: a value quoting a workflow command
		// (a field named `::add-mask::…` in a pull request) never starts a line of the log.
		const inActions = process.env.GITHUB_ACTIONS === 'true';
		for (const problem of problems.map(relativePath)) {
			if (values.format === 'github') {
				const { message, properties } = problemAnnotation(problem, lang);
				core.error(message, properties);
			} else {
				console.log(inActions ? problemLogLine(problem, lang) : formatProblem(problem, lang));
			}
		}
		const summary = checkSummary(problems, lang);
		if (problems.length > 0) console.error(summary);
		else console.log(summary);
		return problems.length > 0 ? 1 : 0;
	}
	if (command === 'schema') {
		const { vocabularies, problems } = await loadVocabularies(values.registry);
		if (problems.length > 0) {
			problems.forEach((problem) => console.error(formatProblem(relativePath(problem), lang)));
			return 1;
		}
		const text = `${JSON.stringify(registryJsonSchema(vocabularies), null, '\t')}\n`;
		if (!values.out) {
			process.stdout.write(text);
			return 0;
		}
		await mkdir(dirname(values.out), { recursive: true });
		await writeFile(values.out, text);
		console.log(`Wrote ${values.out}`);
		return 0;
	}
	return fail(`unknown command "${command}"`);
}

/** Paths relative to the working folder, as editors and GitHub annotations expect them. */
function relativePath(problem: Problem): Problem {
	return isAbsolute(problem.path)
		? { ...problem, path: relative(process.cwd(), problem.path) }
		: problem;
}

function fail(message: string): number {
	console.error(`registry: ${message}\n${usage}`);
	return 2;
}

process.exitCode = await main(process.argv.slice(2));
