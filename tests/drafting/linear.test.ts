import { beforeAll, describe, expect, it } from 'vitest';
import { readAnswers } from '../../src/drafting/form-answers.ts';
import { loadFormTemplates, type FormTemplate } from '../../src/drafting/form-templates.ts';
import { matchIssue } from '../../src/drafting/parse-issue.ts';
import { redact } from '../../src/drafting/redact.ts';
import { loadRegistry, type Registry } from '../../src/registry/load.ts';
import { growth, linearBound } from './growth.ts';
import { formBody, systemAnswers, tempRegistry } from './helpers.ts';

/**
 * Parsing and redaction are linear in the input (issue #11, item 9): for each shape an attacker
 * can give an issue, the time at 8n over the time at n stays far below quadratic growth.
 */

let templates: FormTemplate[];
let registry: Registry;
beforeAll(async () => {
	templates = await loadFormTemplates();
	registry = await loadRegistry(tempRegistry());
});

/** Measuring a super-linear version takes seconds: let it fail on its ratio, not on a timeout. */
const slow = { timeout: 60_000 };

/** Adversarial texts for the redaction rules, by name, of about n characters. */
const texts: Record<string, (n: number) => string> = {
	'letters without @': (n) => 'a'.repeat(n),
	'digits without @': (n) => '7'.repeat(n),
	dots: (n) => '.'.repeat(n),
	'letters and dots': (n) => 'a.'.repeat(n / 2),
	'many @': (n) => '@'.repeat(n),
	'a@ repeated': (n) => 'a@'.repeat(n / 2),
	'one @ before a dotless domain': (n) => `x@${'a-'.repeat(n / 2)}`,
	'an IBAN prefix then letters': (n) => `FR76${'A'.repeat(n)}`,
	'IBAN-like groups': (n) => 'FR76 '.repeat(n / 5),
	'digit pairs with spaces (phone)': (n) => ` ${'12 '.repeat(n / 3)}`,
	'plus and digits (phone)': (n) => '+1 '.repeat(n / 3),
	'digits and dots (IP, NIR)': (n) => '12.'.repeat(n / 3),
	'digits and dashes (NIR)': (n) => '1-'.repeat(n / 2),
	'colons (IPv6)': (n) => ':'.repeat(n),
	'hex groups (IPv6)': (n) => `${'abcd:'.repeat(n / 5)}g`,
	'zone after an IPv6': (n) => `1::1%${'a'.repeat(n)}`,
};

describe('redaction is linear in the text', slow, () => {
	it.each(Object.entries(texts))('%s', (_, text) => {
		const task = (n: number) => {
			const input = text(n);
			return () => redact(input);
		};
		expect(growth(task, 4000)).toBeLessThan(linearBound);
	});
});

/** Adversarial issue bodies for the form parser, by name, of about n characters more. */
const bodies: Record<string, (n: number) => string> = {
	'a heading line padded with spaces': (n) =>
		`${formBody('systems-detailed', systemAnswers())}\n### a${' '.repeat(n)}b\n`,
	'a real heading padded with spaces': (n) =>
		formBody('systems-detailed', systemAnswers()).replace(
			'### Nom / Name',
			`### ${' '.repeat(n)}Nom / Name${' '.repeat(n)}`,
		),
	'many ### in an answer': (n) =>
		formBody('systems-detailed', { ...systemAnswers(), purpose: '###'.repeat(n / 3) }),
	'many ### lines': (n) =>
		formBody('systems-detailed', { ...systemAnswers(), purpose: '### x\n'.repeat(n / 6) }),
	'a long run of new lines in an answer': (n) =>
		formBody('systems-detailed', { ...systemAnswers(), purpose: `a${'\n'.repeat(n)}b` }),
	'a long run of carriage returns in an answer': (n) =>
		formBody('systems-detailed', { ...systemAnswers(), purpose: `a${'\r'.repeat(n)}b` }),
	'a long run of spaces in an answer': (n) =>
		formBody('systems-detailed', { ...systemAnswers(), purpose: `a${' '.repeat(n)}b` }),
};

describe('reading a form is linear in the body', slow, () => {
	it.each(Object.entries(bodies))('%s', (_, body) => {
		const task = (n: number) => {
			const text = body(n);
			return () => matchIssue(text, [], templates);
		};
		expect(growth(task, 4000)).toBeLessThan(linearBound);
	});

	it('reads “models used” in time linear in the answer', () => {
		const task = (n: number) => {
			const match = matchIssue(
				formBody('systems-detailed', { ...systemAnswers(), models: `a${' \t'.repeat(n / 2)}b` }),
				[],
				templates,
			);
			if (match.kind !== 'form') throw new Error(`expected a form, got ${match.kind}`);
			const models = registry.models.map((entry) => ({ id: entry.id, name: entry.data.name }));
			return () => readAnswers('systems', match.answers, registry.vocabularies, models);
		};
		expect(growth(task, 4000)).toBeLessThan(linearBound);
	});
});
