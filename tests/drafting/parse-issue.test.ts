import { beforeAll, describe, expect, it } from 'vitest';
import { loadFormTemplates, type FormTemplate } from '../../src/drafting/form-templates.ts';
import { noAiOption } from '../../src/drafting/issue-forms.ts';
import { matchIssue } from '../../src/drafting/parse-issue.ts';
import { formBody, realIssueEvents, systemAnswers } from './helpers.ts';

let templates: FormTemplate[];
beforeAll(async () => {
	templates = await loadFormTemplates();
});

function parsed(body: string | null, labels: string[] = []) {
	const match = matchIssue(body, labels, templates);
	if (match.kind !== 'form') throw new Error(`expected a form, got ${match.kind}`);
	return match;
}

describe('matchIssue', () => {
	it('recognises each form and maps headings to field ids', () => {
		const match = parsed(formBody('systems-detailed', systemAnswers()));
		expect(match.template.name).toBe('systems-detailed');
		expect(parsed(formBody('systems', systemAnswers())).template.name).toBe('systems');
		expect(match.answers['name']).toBe('Assistant de réponse aux usagers');
		expect(parsed(formBody('models', { name: 'X' })).template.name).toBe('models');
		expect(parsed(formBody('entry-error', { entry: 'systems/x' })).template.name).toBe(
			'entry-error',
		);
	});

	it('reads _No response_ and None as no answer', () => {
		const match = parsed(formBody('systems-detailed', { name: 'A' }));
		expect(match.answers['summary']).toBeUndefined();
		const none = formBody('systems-detailed', { name: 'A' }).replace(
			/(### Statut \/ Status\n\n)_No response_/,
			'$1None',
		);
		expect(parsed(none).answers['status']).toEqual([]);
	});

	it('reads CRLF bodies like LF ones', () => {
		const lf = parsed(formBody('systems-detailed', systemAnswers()));
		const crlf = parsed(formBody('systems-detailed', systemAnswers(), { crlf: true }));
		expect(crlf.answers).toEqual(lf.answers);
	});

	it('reads a ticked box written [X] or [x]', () => {
		const upper = parsed(formBody('systems-detailed', { ...systemAnswers(), 'no-ai': true }));
		expect(upper.answers['no-ai']).toEqual({ selected: [noAiOption], unselected: [] });
		const lower = formBody('systems-detailed', { ...systemAnswers(), 'no-ai': true }).replace(
			'[X]',
			'[x]',
		);
		expect(parsed(lower).answers['no-ai']).toEqual({ selected: [noAiOption], unselected: [] });
	});

	it('reads a heading written with a tab or trailing spaces like the form’s own', () => {
		const body = formBody('systems-detailed', systemAnswers()).replace(
			'### Statut / Status\n',
			'###\tStatut / Status  \n',
		);
		expect(parsed(body).answers).toEqual(
			parsed(formBody('systems-detailed', systemAnswers())).answers,
		);
	});

	it('reads a run of blank lines in an answer as one, as Markdown does', () => {
		const purpose = `Première ligne.${'\n'.repeat(50)}Dernière ligne.`;
		const match = parsed(formBody('systems-detailed', { ...systemAnswers(), purpose }));
		expect(match.answers['purpose']).toBe('Première ligne.\n\nDernière ligne.');
		expect(match.answers['summary']).toBe(systemAnswers()['summary']);
	});

	it('keeps ### typed inside a text box as part of the answer', () => {
		const details = [
			'Contexte :',
			'### Mon titre à moi',
			'Du texte C### et encore ###',
			'### Nom / Name',
			'fin',
		].join('\n');
		const match = parsed(formBody('systems-detailed', { ...systemAnswers(), details }));
		expect(match.answers['details']).toBe(details);
		expect(match.answers['name']).toBe('Assistant de réponse aux usagers');
	});

	it('keeps a heading typed in an earlier box from taking over a later question', () => {
		const summary = 'Résumé.\n\n### Finalité / Purpose\n\nCeci fait partie du résumé.';
		const match = parsed(formBody('systems-detailed', { ...systemAnswers(), summary }));
		// The real "Purpose" heading comes later; the typed one is the first in order, so the
		// ambiguity is resolved in favour of form order and the rest stays with the answers.
		expect(String(match.answers['summary'])).toContain('Résumé.');
		expect(String(match.answers['details'])).toContain('Le système lit');
	});

	it('says which questions are missing when a body was edited by hand', () => {
		const body = formBody('systems-detailed', systemAnswers()).replace(
			/### Finalité \/ Purpose\n\n[^\n]*\n\n/,
			'',
		);
		const match = matchIssue(body, [], templates);
		expect(match.kind).toBe('incomplete');
		if (match.kind === 'incomplete') expect(match.missing).toEqual(['Finalité / Purpose']);
	});

	it('treats a body with the form’s label but none of its headings as an incomplete form', () => {
		const match = matchIssue('I wrote this by hand.', ['registry: system'], templates);
		expect(match.kind).toBe('incomplete');
	});

	it('does not take real GitHub issues for registry forms', () => {
		for (const event of realIssueEvents()) {
			const issue = event.issue as { body: string | null };
			expect(matchIssue(issue.body, [], templates).kind).toBe('none');
		}
		expect(matchIssue(null, [], templates).kind).toBe('none');
		expect(matchIssue('### Bug\n\nIt crashes.\n\n### Steps\n\n1. run', [], templates).kind).toBe(
			'none',
		);
	});
});
