import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sampleSiteConfigPath, loadSiteConfig } from '../../src/config/load.ts';
import { assertPublishable, findPlaceholders } from '../../src/config/placeholders.ts';
import { conformity } from '../../src/components/accessibility.ts';

const sample = readFileSync(sampleSiteConfigPath, 'utf8');

/** Writes a configuration to a temporary file and returns its path. */
function writeConfig(text: string): string {
	const path = join(mkdtempSync(join(tmpdir(), 'registre-config-')), 'registre.config.yml');
	writeFileSync(path, text);
	return path;
}

/** The sample with its demonstration flag removed: what an adopter who forgot to edit it has. */
const withoutDemo = sample.replace(/^\s+demo: true\n/m, '\n');

/** A configuration whose identity is a real organisation's shape, with no example value left. */
const realIdentity = withoutDemo
	.replaceAll('Métropole de Clairval', 'Ville de Saint-Aubin')
	.replaceAll('Clairval Metropolitan Authority', 'City of Saint-Aubin')
	.replaceAll('Registre IA de Clairval', 'Registre IA de Saint-Aubin')
	.replaceAll('Clairval AI Registry', 'Saint-Aubin AI Registry')
	.replaceAll('clairval.example', 'saint-aubin.fr')
	.replace('00000 Clairval', '35000 Saint-Aubin')
	.replace("'000000000'", "'216 901 231'")
	.replace('Dominique Exemple', 'Camille Martin')
	.replace('de la Métropole de Clairval', 'de Saint-Aubin')
	.replace('Clairval Metropolitan Authority', 'Saint-Aubin')
	.replace('phone: 01 00 00 00 00', 'phone: 02 99 00 00 01')
	.replace('owner: clairval', 'owner: saint-aubin')
	.replace('@clairval/registre-ia', '@saint-aubin/registre-ia');

describe('example values in the configuration', () => {
	it('the sample declares itself a demonstration, so it builds', () => {
		const config = loadSiteConfig();
		expect(config.site.demo).toBe(true);
		expect(() => assertPublishable(config, sampleSiteConfigPath)).not.toThrow();
	});

	it('finds every example value of the sample, with its key and line', () => {
		const found = findPlaceholders(sample, 'registre.config.yml');
		const keys = found.map(({ field }) => field);
		for (const key of [
			'organisation.name.fr',
			'organisation.url',
			'organisation.contactEmail',
			'organisation.dpoEmail',
			'organisation.address',
			'organisation.identifier.value',
			'site.url',
			'legal.director.name',
			'organisation.phone',
			'repository.owner',
		]) {
			expect(keys).toContain(key);
		}
		const lines = sample.split('\n');
		for (const { line, field } of found) {
			const leaf = field.split('.').at(-1) ?? '';
			expect(lines[line - 1], field).toContain(`${leaf}:`);
		}
	});

	it('fails without the demonstration flag, naming each key as file:line: key in both languages', () => {
		const path = writeConfig(withoutDemo);
		const config = loadSiteConfig(path);
		expect(config.site.demo).toBe(false);
		let message = '';
		try {
			assertPublishable(config, path);
		} catch (error) {
			message = (error as Error).message;
		}
		const line =
			withoutDemo.split('\n').findIndex((text) => text.includes('  url: https://www.')) + 1;
		expect(message).toContain(
			`${path}:${line}: organisation.url: « https://www.clairval.example »`,
		);
		expect(message).toContain(`${path}:${line}: organisation.url: "https://www.clairval.example"`);
		expect(message).toMatch(/organisation\.identifier\.value: « 000000000 »/);
		expect(message).toMatch(/site\.demo: true/);
	});

	it('lets a configuration with the organisation’s own values through', () => {
		const path = writeConfig(realIdentity);
		expect(findPlaceholders(realIdentity, path)).toEqual([]);
		expect(() => assertPublishable(loadSiteConfig(path), path)).not.toThrow();
	});

	it.each([
		['organisation.contactEmail', 'ia@mairie.example.org'],
		['organisation.url', 'https://example.com/'],
		['organisation.address', '12 rue Lorem, 35000 Saint-Aubin'],
		['legal.director.name', 'À compléter'],
	])('flags %s = %s', (key, value) => {
		const [section, ...rest] = key.split('.');
		const yaml = `${section}:\n  ${rest.join('.')}: '${value}'\n`;
		expect(findPlaceholders(yaml, 'c.yml').map(({ field }) => field)).toEqual([key]);
	});

	it.each([
		['repository.owner', 'clairval'],
		['site.url', 'https://ia.clairval.fr'],
		['drafting.hosting.fr', 'Serveurs de Clairval'],
		['organisation.url', 'https://mairie.example.fr/'],
		['legal.host.phone', '+33 1 00 00 00 00'],
	])('flags the sample’s %s = %s', (key, value) => {
		const [section, ...rest] = key.split('.');
		const nested = rest.length === 2 ? `${rest[0]}:\n    ${rest[1]}` : rest.join('.');
		const yaml = `${section}:\n  ${nested}: '${value}'\n`;
		expect(findPlaceholders(yaml, 'c.yml').map(({ field }) => field)).toEqual([key]);
	});

	it.each([
		[
			'accessibility.nonCompliant',
			'- fr: Certains graphiques, par exemple la carte, n’ont pas d’alternative',
		],
		['accessibility.audit', 'auditor: Todo & Co'],
		['organisation', 'url: https://www.lyon.fr/example'],
		['drafting', 'model: example-model'],
		['legal.host', 'phone: +1 877 448 4820'],
	])('does not flag ordinary text in %s (%s)', (section, line) => {
		const [first, second] = section.split('.');
		const yaml = second ? `${first}:\n  ${second}:\n    ${line}\n` : `${first}:\n  ${line}\n`;
		expect(findPlaceholders(yaml, 'c.yml')).toEqual([]);
	});
});

describe('RGAA conformity state', () => {
	const config = loadSiteConfig();
	const audited = (rate: number) => ({
		...config,
		accessibility: {
			...config.accessibility,
			audit: {
				date: '2027-01-15',
				auditor: 'Audit',
				rate,
				scope: { fr: 'x', en: 'x' },
				referential: 'RGAA 4.1.2',
			},
		},
	});

	it('is "non conforme" without an audit, whatever the automated checks say', () => {
		expect(config.accessibility.audit).toBeUndefined();
		expect(conformity(config)).toBe('none');
	});

	it('follows the audit rate: under 50 % none, from 50 % partial, 100 % full', () => {
		expect(conformity(audited(49.9))).toBe('none');
		expect(conformity(audited(50))).toBe('partial');
		expect(conformity(audited(99.5))).toBe('partial');
		expect(conformity(audited(100))).toBe('full');
	});
});
