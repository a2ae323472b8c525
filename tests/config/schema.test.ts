import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { sampleSiteConfigPath } from '../../src/config/load.ts';
import { configIssueProblems } from '../../src/config/problems.ts';
import { SiteConfigSchema } from '../../src/config/schema.ts';

/** The parsed YAML of a configuration, loose enough to vary one setting at a time. */
interface RawConfig {
	organisation: Record<string, unknown>;
	[section: string]: unknown;
}

/** The sample configuration as parsed YAML. */
const sample = () => parse(readFileSync(sampleSiteConfigPath, 'utf8')) as RawConfig;

/** The messages for a configuration, with their dotted paths, in French then English. */
function issues(config: unknown): string[] {
	const result = SiteConfigSchema.safeParse(config);
	if (result.success) return [];
	const yaml = { data: config, lineOf: () => 1 };
	return result.error.issues
		.flatMap((issue) => configIssueProblems('registre.config.yml', yaml, issue))
		.map((problem) => `${problem.field}: ${problem.message.fr} / ${problem.message.en}`);
}

describe('organisation identifier', () => {
	it.each([
		['SIREN', '216 901 231', '216901231'],
		['SIRET', '216 901 231 00003', '21690123100003'],
		['SIREN', '000000000', '000000000'],
		['RNA', 'W 123 456 789', 'W 123 456 789'],
	])('accepts %s %s, kept as %s', (scheme, value, kept) => {
		const config = sample();
		config.organisation.identifier = { scheme, value };
		expect(SiteConfigSchema.parse(config).organisation.identifier.value).toBe(kept);
	});

	it.each([
		['SIREN', '216901232'],
		['SIREN', '21690123'],
		['SIRET', '216901231'],
		['SIRET', '2169012310001A'],
	])('refuses %s %s, saying what a valid one is', (scheme, value) => {
		const config = sample();
		config.organisation.identifier = { scheme, value };
		expect(issues(config).join('\n')).toMatch(
			new RegExp(`^organisation\\.identifier\\.value: .*${scheme} valide.*Luhn`),
		);
	});
});

describe('accessibility audit', () => {
	const audited = (rate: number, nonCompliant?: unknown[]) => {
		const config = sample();
		config.accessibility = {
			audit: { date: '2027-01-15', auditor: 'Todo & Co', rate, scope: { fr: 'x', en: 'x' } },
			...(nonCompliant && { nonCompliant }),
		};
		return config;
	};

	it('requires the non-conformities when the rate is below 100 %', () => {
		expect(issues(audited(80)).join('\n')).toMatch(
			/^accessibility\.nonCompliant: .*accessibility\.nonCompliant/,
		);
		expect(issues(audited(80, [{ fr: 'La carte', en: 'The map' }]))).toEqual([]);
		expect(issues(audited(100))).toEqual([]);
	});
});

describe('legal notice telephones', () => {
	it('requires the publisher’s telephone and gives GitHub’s by default for the host', () => {
		const config = sample();
		expect(SiteConfigSchema.parse(config).legal.host.phone).toBe('+1 877 448 4820');
		delete config.organisation.phone;
		expect(issues(config).join('\n')).toMatch(/^organisation\.phone:/);
	});
});
