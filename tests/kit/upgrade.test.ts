/**
 * A kit release taken into an organisation's fork, as the upgrade guide says: the fork was made
 * the organisation's with `init` and its charter rewritten; the kit then changed its charter, its
 * vocabularies (so the issue forms) and its sample. `npm run kit -- upgrade` merges without a
 * conflict, keeps the organisation's files, brings no sample data into its registry, and leaves
 * the generated files in step with the organisation's configuration.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import {
	appendFileSync,
	existsSync,
	readFileSync,
	readdirSync,
	rmSync,
	writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saintAubin } from './answers.ts';
import { benchFolder, copyProject } from '../project-copy.ts';

const work = benchFolder('upgrade-');
const kit = join(work, 'kit');
const fork = join(work, 'fork');
afterAll(() => rmSync(work, { recursive: true, force: true }));

const git = (dir: string, ...args: string[]) =>
	execFileSync('git', ['-C', dir, '-c', 'user.name=t', '-c', 'user.email=t@example.org', ...args], {
		encoding: 'utf8',
	});

/** Runs one of the kit's commands in a checkout, as the fork's team would; outside Vitest's sample. */
function kitCommand(dir: string, ...args: string[]) {
	const env = Object.fromEntries(
		Object.entries(process.env).filter(
			([name]) => name !== 'REGISTRY_DIR' && name !== 'REGISTRE_CONFIG',
		),
	);
	const result = spawnSync(process.execPath, ['scripts/kit.ts', ...args], {
		cwd: dir,
		encoding: 'utf8',
		env,
	});
	return { code: result.status, output: `${result.stdout}${result.stderr}` };
}

const organisationCharter = '\nNotre charte est adoptée par le conseil municipal de Saint-Aubin.\n';
let upgrade: { code: number | null; output: string };

beforeAll(() => {
	// The kit, as its repository holds it.
	copyProject(kit);
	git(kit, 'init', '-q', '-b', 'main');
	git(kit, 'add', '-A');
	git(kit, 'commit', '-qm', 'Kit 1.0');

	// The organisation forks it and makes it its own.
	git(work, 'clone', '-q', kit, fork);
	const { legal } = saintAubin;
	const init = kitCommand(
		fork,
		'init',
		'--name-fr',
		saintAubin.name.fr,
		'--name-en',
		saintAubin.name.en,
		'--article-fr',
		'la',
		'--article-en',
		'the',
		'--website',
		saintAubin.website,
		'--contact',
		saintAubin.contactEmail,
		'--site-url',
		saintAubin.siteUrl,
		'--base',
		'/registre-ia',
		'--owner',
		saintAubin.owner,
		'--repository',
		saintAubin.repository,
		'--maintainers',
		'@saint-aubin/registre',
		'--dpo',
		legal?.dpoEmail ?? '',
		'--address',
		legal?.address ?? '',
		'--phone',
		legal?.phone ?? '',
		'--identifier',
		'SIREN 216901231',
		'--director',
		'Camille Martin',
		'--director-role-fr',
		'maire de Saint-Aubin',
		'--director-role-en',
		'Mayor of Saint-Aubin',
	);
	if (init.code !== 0) throw new Error(`init failed:\n${init.output}`);
	appendFileSync(join(fork, 'content/docs/charte.mdx'), organisationCharter);
	git(fork, 'add', '-A');
	git(fork, 'commit', '-qm', 'Saint-Aubin’s register');

	// The kit releases an update: its charter, a vocabulary (so the forms) and a new sample model.
	appendFileSync(join(kit, 'content/docs/charte.mdx'), '\nUne phrase ajoutée par le kit.\n');
	const statuses = join(kit, 'vocabularies/statuses.yml');
	writeFileSync(statuses, readFileSync(statuses, 'utf8').replace('En projet', 'À l’étude'));
	const models = join(kit, 'examples/clairval/registry/models');
	const [first = ''] = readdirSync(models);
	writeFileSync(
		join(models, 'modele-echantillon-nouveau.mdx'),
		readFileSync(join(models, first), 'utf8').replace(
			/^id: .*$/m,
			'id: modele-echantillon-nouveau',
		),
	);
	const generate = kitCommand(kit, 'generate');
	if (generate.code !== 0) throw new Error(`generate failed in the kit:\n${generate.output}`);
	git(kit, 'add', '-A');
	git(kit, 'commit', '-qm', 'Kit 1.1');

	git(fork, 'remote', 'add', 'upstream', kit);
	upgrade = kitCommand(fork, 'upgrade');
}, 300_000);

describe('npm run kit -- upgrade', () => {
	it('merges the kit’s release without a conflict', () => {
		expect(upgrade.output).toContain('Kit updated from upstream');
		expect(upgrade.code).toBe(0);
		expect(git(fork, 'status', '--porcelain')).toBe('');
	});

	it('keeps the organisation’s charter, configuration and registry', () => {
		const charter = readFileSync(join(fork, 'content/docs/charte.mdx'), 'utf8');
		expect(charter).toContain(organisationCharter.trim());
		expect(charter).not.toContain('Une phrase ajoutée par le kit.');
		expect(readFileSync(join(fork, 'registre.config.yml'), 'utf8')).toContain(
			'Ville de Saint-Aubin',
		);
		expect(readdirSync(join(fork, 'registry/systems'))).toEqual([
			'assistant-redaction-registre.mdx',
		]);
		expect(existsSync(join(fork, 'registry/models'))).toBe(false);
	});

	it('brings the kit’s changes, the new sample model staying in the sample', () => {
		expect(readFileSync(join(fork, 'vocabularies/statuses.yml'), 'utf8')).toContain('À l’étude');
		expect(
			existsSync(join(fork, 'examples/clairval/registry/models/modele-echantillon-nouveau.mdx')),
		).toBe(true);
	});

	it('leaves the generated files in step with the organisation’s configuration', () => {
		expect(kitCommand(fork, 'generate', '--check').output).toContain('up to date');
		const form = readFileSync(join(fork, '.github/ISSUE_TEMPLATE/ai-system.yml'), 'utf8');
		expect(form).toContain('À l’étude');
		const chooser = readFileSync(join(fork, '.github/ISSUE_TEMPLATE/config.yml'), 'utf8');
		expect(chooser).toContain('url: https://saint-aubin.github.io/registre-ia/');
		expect(readFileSync(join(fork, '.github/CODEOWNERS'), 'utf8')).toContain(
			'@saint-aubin/registre',
		);
	});
});
