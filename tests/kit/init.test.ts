import { mkdtempSync, readFileSync, existsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSiteConfig } from '../../src/config/load.ts';
import { findPlaceholders } from '../../src/config/placeholders.ts';
import { initKit, InitError, type InitAnswers } from '../../src/kit/init.ts';
import { saintAubin } from './answers.ts';
import { checkRegistry } from '../../src/registry/check.ts';

const fresh = () => mkdtempSync(join(tmpdir(), 'kit-init-'));

describe('npm run kit -- init', () => {
	it('writes a configuration with the organisation’s identity and no example value left', async () => {
		const dir = fresh();
		const { written, toComplete } = await initKit(dir, saintAubin);
		expect(written.map((path) => path.slice(dir.length + 1))).toEqual([
			'registre.config.yml',
			'registry/systems/assistant-redaction-registre.mdx',
		]);
		expect(toComplete).toEqual([]);
		const text = readFileSync(join(dir, 'registre.config.yml'), 'utf8');
		expect(findPlaceholders(text, 'registre.config.yml')).toEqual([]);
		const parsed = parseSiteConfig(text, 'registre.config.yml');
		if (!('config' in parsed)) throw new Error(JSON.stringify(parsed.problems));
		expect(parsed.config.site).toMatchObject({
			url: 'https://saint-aubin.github.io',
			base: '/registre-ia',
			demo: false,
		});
		expect(parsed.config.repository).toMatchObject({
			owner: 'saint-aubin',
			maintainers: '@saint-aubin/registre',
		});
		// The sample's comments stay, to guide the organisation through the rest.
		expect(text).toContain('# Legal notice.');
		expect(text).not.toMatch(/Clairval/);
	});

	it('scaffolds the drafting assistant as the first entry, valid and free of the sample', async () => {
		const dir = fresh();
		await initKit(dir, saintAubin);
		expect(await checkRegistry(join(dir, 'registry'))).toEqual([]);
		const entry = readFileSync(
			join(dir, 'registry/systems/assistant-redaction-registre.mdx'),
			'utf8',
		);
		expect(entry).toContain('email: ia@saint-aubin.fr');
		expect(entry).toContain('url: https://github.com/saint-aubin/registre-ia');
		expect(entry).toContain('https://saint-aubin.github.io/registre-ia/assistant-ia/');
		expect(entry).not.toMatch(/clairval|mistral-small|albert-api|contributions-registre-ia/i);
	});

	it('without AI, says so in the configuration and scaffolds no AI system', async () => {
		const dir = fresh();
		const { written } = await initKit(dir, { ...saintAubin, ai: false });
		expect(written.map((path) => path.slice(dir.length + 1))).toEqual([
			'registre.config.yml',
			'registry/systems/.gitkeep',
		]);
		const parsed = parseSiteConfig(readFileSync(join(dir, 'registre.config.yml'), 'utf8'), 'c.yml');
		expect('config' in parsed && parsed.config.drafting.provider).toBe('none');
		expect(await checkRegistry(join(dir, 'registry'))).toEqual([]);
	});

	it('writes the site’s languages in block style, and the first entry in the root one', async () => {
		const dir = fresh();
		await initKit(dir, { ...saintAubin, languages: ['en', 'fr'] });
		const text = readFileSync(join(dir, 'registre.config.yml'), 'utf8');
		expect(text).toMatch(/\n {2}languages:\n {4}- en\n {4}- fr\n/);
		const parsed = parseSiteConfig(text, 'registre.config.yml');
		expect('config' in parsed && parsed.config.site.languages).toEqual(['en', 'fr']);
		const entry = readFileSync(
			join(dir, 'registry/systems/assistant-redaction-registre.mdx'),
			'utf8',
		);
		expect(entry).toMatch(/language:\n {2}original: en\n/);
		expect(await checkRegistry(join(dir, 'registry'))).toEqual([]);
	});

	it('refuses a language the site cannot publish, at its line', async () => {
		await expect(initKit(fresh(), { ...saintAubin, languages: ['en', 'de'] })).rejects.toThrow(
			/registre\.config\.yml:\d+: site\.languages\.1: /,
		);
	});

	it('names what the organisation still has to give when it skips the legal questions', async () => {
		const dir = fresh();
		const answers: InitAnswers = { ...saintAubin };
		delete answers.legal;
		const { toComplete } = await initKit(dir, answers);
		expect(toComplete.map((problem) => problem.field)).toEqual(
			expect.arrayContaining(['organisation.dpoEmail', 'legal.director.name']),
		);
	});

	it('never overwrites an organisation’s files', async () => {
		const dir = fresh();
		writeFileSync(join(dir, 'registre.config.yml'), 'mine');
		await expect(initKit(dir, saintAubin)).rejects.toThrow(InitError);
		expect(readFileSync(join(dir, 'registre.config.yml'), 'utf8')).toBe('mine');
		expect(existsSync(join(dir, 'registry'))).toBe(false);
	});
});
