/**
 * Adding a kind of entry touches four files: its schema, its descriptor (with its strings), its
 * vocabulary and one line of the kinds' list. This test does exactly that to a copy of the
 * project, with the throwaway kind of `tests/fixtures/throwaway-kind/` (vehicles), then finds the
 * kind on the site, in the issue forms, in drafting and in every export.
 */
import { productionBuildEnv } from './build-env.ts';
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueEvent } from '../drafting/helpers.ts';
import { benchFolder, copyProject } from '../project-copy.ts';

const fixture = resolve('tests/fixtures/throwaway-kind');
const work = benchFolder('throwaway-kind-');
const dist = join(work, 'dist');

/** Runs a command in the copy, as an adopter would in their fork. */
function inCopy(command: string, args: string[], env: NodeJS.ProcessEnv = {}) {
	const result = spawnSync(command, args, {
		cwd: work,
		encoding: 'utf8',
		env: productionBuildEnv(env),
	});
	return { code: result.status, output: `${result.stdout}${result.stderr}` };
}

const git = (...args: string[]) =>
	execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.org', ...args], {
		cwd: work,
		encoding: 'utf8',
	});

/** The files the adopter changed, from git's point of view, entries left aside. */
let changedFiles: string[] = [];

beforeAll(() => {
	copyProject(work);
	git('init', '-q');
	git('add', '-A');
	git('commit', '-qm', 'the kit');

	// The four files, and the kind's entries.
	cpSync(fixture, work, { recursive: true });
	for (const file of ['src/registry/schemas/vehicle.ts', 'src/registry/kinds/vehicles.ts']) {
		cpSync(join(work, `${file}.fixture`), join(work, file));
		rmSync(join(work, `${file}.fixture`));
	}
	const list = join(work, 'src/registry/kinds/index.ts');
	const text = readFileSync(list, 'utf8');
	writeFileSync(
		list,
		text
			.replace(
				/^(import .* from '\.\/models\.ts';)$/m,
				"$1\nimport { vehicles } from './vehicles.ts';",
			)
			.replace(/^(export const kinds = \[.*)\] as const;$/m, '$1, vehicles] as const;'),
	);
	changedFiles = git('status', '--porcelain', '--untracked-files=all')
		.split('\n')
		.map((line) => line.slice(3))
		.filter((file) => file && !file.startsWith('examples/clairval/registry/vehicles/'))
		.sort();

	const forms = inCopy(process.execPath, ['scripts/kit.ts', 'generate']);
	if (forms.code !== 0) throw new Error(`kit generate failed:\n${forms.output}`);
	const build = inCopy('npx', ['astro', 'build'], { NODE_ENV: 'production' });
	if (build.code !== 0) throw new Error(`the copy with a new kind did not build:\n${build.output}`);
}, 600_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

const page = (path: string) => readFileSync(join(dist, path, 'index.html'), 'utf8');
const json = (file: string) => JSON.parse(readFileSync(join(dist, file), 'utf8'));

describe('a kind added in four files', () => {
	it('takes four files: its schema, its descriptor, its vocabulary and a line of the list', () => {
		expect(changedFiles).toEqual([
			'src/registry/kinds/index.ts',
			'src/registry/kinds/vehicles.ts',
			'src/registry/schemas/vehicle.ts',
			'vocabularies/vehicle-types.yml',
		]);
	});

	it('passes the registry check and the type check of the copy', () => {
		expect(inCopy(process.execPath, ['scripts/registry.ts', 'check']).output).toContain(
			'no problems found',
		);
		const types = inCopy('npx', ['astro', 'check']);
		expect(types.output).toMatch(/0 errors/);
		expect(types.code).toBe(0);
	}, 300_000);

	it('has its index and entry pages in both languages, linked from the sidebar', () => {
		for (const prefix of ['', 'en/']) {
			const index = page(`${prefix}registre/vehicules`);
			expect(index).toContain(prefix ? 'The fleet’s vehicles' : 'Les véhicules de la flotte');
			expect(index).toContain(`href="/${prefix}registre/vehicules/fourgon-voirie-1/"`);
			expect(page(`${prefix}charte`)).toContain(`href="/${prefix}registre/vehicules/"`);
		}
		const entry = page('registre/vehicules/fourgon-voirie-1');
		expect(entry).toContain('Fourgon de voirie n° 1 (Zorglub)');
		expect(entry).toContain('Fourgon d’inspection');
		// Its reference to a system is a link to that system's page.
		expect(entry).toContain('href="/registre/systemes/detection-nids-de-poule/"');
		expect(page('en/registre/vehicules/fourgon-voirie-1')).toContain('Road van no. 1 (Zorglub)');
	});

	it('is searchable, with its kind and its facet as search filters', () => {
		const fragments = join(dist, 'pagefind', 'fragment');
		const texts = readdirSync(fragments).map((name) =>
			gunzipSync(readFileSync(join(fragments, name))).toString('utf8'),
		);
		const vehicle = texts.find((text) => text.includes('Zorglub') && text.includes('véhicule'));
		expect(vehicle).toBeDefined();
		expect(vehicle).toContain('Fourgon d’inspection');
	});

	it('has its issue form, with its label, in the template chooser', () => {
		const form = parse(readFileSync(join(work, '.github/ISSUE_TEMPLATE/vehicle.yml'), 'utf8'));
		expect(form.labels).toEqual(['registry: vehicle']);
		expect(form.name).toBe('Déclarer un véhicule / Declare a vehicle');
	});

	it('is drafted from an issue opened with its form', () => {
		const form = parse(readFileSync(join(work, '.github/ISSUE_TEMPLATE/vehicle.yml'), 'utf8')) as {
			body: { type: string; id?: string; attributes: { label: string; options?: string[] } }[];
		};
		const answers: Record<string, string> = {
			language: 'Français',
			name: 'Balayeuse du centre',
			summary: 'Une balayeuse qui repère les dépôts sauvages.',
			type: 'Benne à ordures / Waste truck',
			details: 'Elle sillonne le centre-ville chaque matin.',
		};
		const body = form.body
			.filter((item) => item.type !== 'markdown')
			.map((item) => `### ${item.attributes.label}\n\n${answers[item.id ?? ''] ?? '_No response_'}`)
			.join('\n\n');
		const event = join(work, 'event.json');
		writeFileSync(
			event,
			JSON.stringify(issueEvent({ body, number: 7, labels: ['registry: vehicle'] })),
		);
		const run = inCopy(
			process.execPath,
			['scripts/draft.ts', '--event', event, '--out', '.draft'],
			{
				AI_DRAFTS: 'off',
			},
		);
		expect(run.output).toContain('drafted');
		const report = JSON.parse(readFileSync(join(work, '.draft/draft-report.json'), 'utf8'));
		expect(report).toMatchObject({ status: 'drafted', kind: 'vehicles', mode: 'form-only' });
		const entry = readFileSync(join(work, '.draft', report.file), 'utf8');
		expect(entry).toContain('type: waste-truck');
	});

	it('is in every export: CSV, Data Package, registry.json, its JSON Schema and the catalogue', () => {
		const csv = readFileSync(join(dist, 'vehicles.csv'), 'utf8');
		expect(csv.split('\r\n')[0]).toMatch(/^\uFEFF"id",/);
		expect(csv).toContain('fourgon-voirie-1');
		expect(csv).toContain('detection-nids-de-poule');
		const names = json('datapackage.json').resources.map(
			(resource: { name: string }) => resource.name,
		);
		expect(names).toContain('vehicles');
		expect(json('registry.json').vehicles.map((entry: { id: string }) => entry.id)).toEqual([
			'benne-nord',
			'fourgon-voirie-1',
		]);
		expect(json('registry.schema.json').properties.vehicles).toBeDefined();
		expect(readFileSync(join(dist, 'catalog.jsonld'), 'utf8')).toContain('vehicles.csv');
	});

	it('is in the field reference', () => {
		const reference = page('registre/champs');
		expect(reference).toContain('id="vehicles"');
		expect(reference).toContain('Systèmes embarqués');
	});
});
