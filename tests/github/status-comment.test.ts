import { describe, expect, test } from 'vitest';
import { renderStatusComment, type DraftOutcome } from '../../src/github/status-comment.ts';

const pull = { number: 8, url: 'https://github.com/o/r/pull/8' };

describe('the comment on a draft to complete', () => {
	test('names what the team completes by its labels, in each language', () => {
		const text = renderStatusComment({
			kind: 'draft-incomplete',
			pull,
			mode: 'form-only',
			formOnlyReason: {
				fr: 'l’organisation n’a pas encore mis en place la rédaction par IA',
				en: 'the organisation has not set up AI drafting yet',
			},
			toComplete: [
				{ fr: 'Finalité', en: 'Purpose' },
				{ fr: 'Règlement européen sur l’IA', en: 'EU AI Act' },
			],
		});
		expect(text).toMatch(/^### 📝 .+ · .+\n\n\*\*Français\.\*\* .+\n\n\*\*English\.\*\* .+/s);
		expect(text).toContain(
			'l’équipe du registre complétera « Finalité », « Règlement européen sur l’IA »',
		);
		expect(text).toContain('the registry team will complete “Purpose”, “EU AI Act”');
		expect(text).toContain('the organisation has not set up AI drafting yet');
		expect(text).toContain('There is nothing else for you to do');
		expect(text).not.toContain('Form to complete');
	});

	test('counts what it does not list, and defuses the labels', () => {
		const many = Array.from({ length: 35 }, (_, index) => ({
			fr: `Champ ${index}`,
			en: `Field ${index}`,
		}));
		const text = renderStatusComment({
			kind: 'draft-incomplete',
			pull,
			mode: 'ai',
			toComplete: [{ fr: '[x](https://evil) @team', en: '<b>x</b>' }, ...many],
		});
		expect(text).toContain('(+6)');
		expect(text).not.toContain('](https://evil)');
		expect(text).not.toContain('@team');
		expect(text).not.toContain('<b>');
	});
});

describe('the comment on a draft that masks personal data', () => {
	test('tells the author what was found where, and to edit the issue', () => {
		const outcome: DraftOutcome = {
			kind: 'draft-ready',
			pull,
			mode: 'form-only',
			personalData: {
				fields: [{ fr: 'Contrôle humain', en: 'Human oversight' }],
				kinds: ['email', 'phone'],
			},
		};
		const text = renderStatusComment(outcome);
		expect(text).toContain(
			'⚠️ Vos réponses semblent contenir des données personnelles (adresse électronique, numéro de téléphone) dans « Contrôle humain » : elles sont masquées dans le brouillon et ne seront pas publiées.',
		);
		expect(text).toContain('(email address, phone number) in “Human oversight”');
	});

	test('says nothing of it when none was found', () => {
		const text = renderStatusComment({ kind: 'draft-ready', pull, mode: 'ai' });
		expect(text).not.toContain('personal data');
	});
});

describe('the comment on a form sent back', () => {
	test('gives the messages, which name the questions, without the form’s field ids', () => {
		const text = renderStatusComment({
			kind: 'invalid-form',
			errors: [
				{
					field: 'risk-class',
					message: {
						fr: '« Classe de risque » : une pratique interdite…',
						en: '"Risk class": a prohibited practice…',
					},
				},
			],
		});
		expect(text).toContain('- « Classe de risque » : une pratique interdite…');
		expect(text).toContain('- "Risk class": a prohibited practice…');
		expect(text).not.toContain('risk-class');
	});
});
