import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import type webhookExamplesType from '@octokit/webhooks-examples';
import { parse } from 'yaml';
import { bilingualLabel, formFile, type FormName } from '../../src/drafting/issue-forms.ts';
import { templatesDir } from '../../src/drafting/form-templates.ts';

/** Shared helpers of the drafting tests: temporary registries, issue bodies and events. */

const fixtures = new URL('./fixtures/', import.meta.url);

// The package's main file is JSON: required, so plain Node can load it as well as Vitest.
const webhookExamples = createRequire(import.meta.url)(
	'@octokit/webhooks-examples',
) as typeof webhookExamplesType;

/** A fresh registry folder: the fixture entries plus the project's own vocabularies. */
export function tempRegistry(): string {
	const dir = mkdtempSync(join(tmpdir(), 'draft-registry-'));
	cpSync(new URL('registry/', fixtures), dir, { recursive: true });
	return dir;
}

/** A fresh empty folder. */
export function tempDir(prefix = 'draft-'): string {
	return mkdtempSync(join(tmpdir(), prefix));
}

/** An answer: text, chosen options, or whether the checkbox is ticked. */
export type FormAnswer = string | string[] | boolean;

/**
 * An issue body as GitHub writes it from one of our committed forms: `### label`, a blank line,
 * the answer or `_No response_`, a blank line; ticked boxes as `- [X]`.
 */
export function formBody(
	form: FormName,
	answers: Record<string, FormAnswer>,
	options: { crlf?: boolean } = {},
): string {
	const template = parse(readFileSync(join(templatesDir, formFile(form)), 'utf8')) as {
		body: { type: string; id?: string; attributes: { label?: string; options?: unknown[] } }[];
	};
	const sections = template.body
		.filter((item) => item.type !== 'markdown')
		.map((item) => {
			const answer = item.id ? answers[item.id] : undefined;
			let value: string;
			if (item.type === 'checkboxes') {
				value = (item.attributes.options as { label: string }[])
					.map((option) => `- [${answer === true ? 'X' : ' '}] ${option.label}`)
					.join('\n');
			} else if (Array.isArray(answer)) value = answer.join(', ');
			else if (typeof answer === 'string' && answer !== '') value = answer;
			else value = '_No response_';
			return `### ${item.attributes.label}\n\n${value}`;
		});
	const body = `${sections.join('\n\n')}\n`;
	return options.crlf ? body.replace(/\n/g, '\r\n') : body;
}

interface IssuesEvent {
	action: string;
	issue: Record<string, unknown>;
}

/** A real `issues.opened` payload from `@octokit/webhooks-examples`, with our issue in it. */
export function issueEvent(issue: {
	body: string | null;
	title?: string;
	number?: number;
	labels?: string[];
}): IssuesEvent {
	const opened = realIssueEvents().find((example) => example.action === 'opened');
	if (!opened) throw new Error('@octokit/webhooks-examples has no issues.opened example');
	const event = structuredClone(opened);
	event.issue['body'] = issue.body;
	if (issue.title !== undefined) event.issue['title'] = issue.title;
	if (issue.number !== undefined) event.issue['number'] = issue.number;
	if (issue.labels) event.issue['labels'] = issue.labels.map((name) => ({ name }));
	return event;
}

/** Every `issues` payload of `@octokit/webhooks-examples`, as GitHub sends them. */
export function realIssueEvents(): IssuesEvent[] {
	const group = webhookExamples.find((candidate) => candidate.name === 'issues');
	return (group?.examples ?? []) as unknown as IssuesEvent[];
}

/** Writes an event to a file, as `GITHUB_EVENT_PATH` would hold it. */
export function writeEvent(dir: string, event: unknown): string {
	const path = join(dir, 'event.json');
	writeFileSync(path, JSON.stringify(event));
	return path;
}

/** The form's choice for a vocabulary value, as the generated form words it. */
export function option(vocabulary: string, key: string): string {
	const data = parse(readFileSync(join('vocabularies', `${vocabulary}.yml`), 'utf8')) as {
		values: { key: string; label: { fr: string; en: string } }[];
	};
	const value = data.values.find((v) => v.key === key);
	if (!value) throw new Error(`no ${key} in vocabulary ${vocabulary}`);
	return bilingualLabel(value.label);
}

/** Complete answers to the "declare an AI system" form: enough for a form-only draft. */
export const systemAnswers = (): Record<string, FormAnswer> => ({
	language: 'Français',
	name: 'Assistant de réponse aux usagers',
	status: option('statuses', 'pilot'),
	domain: option('domains', 'citizen-relations'),
	summary: 'Propose aux agents un brouillon de réponse aux questions reçues par courriel.',
	purpose: 'Répondre plus vite aux usagers.',
	'owner-unit': 'Direction de la relation usagers',
	'owner-role': 'Responsable de l’accueil',
	contact: 'https://www.clairval.example/contact',
	'affected-people': 'Les usagers qui écrivent à la métropole.',
	approach: option('approaches', 'rules'),
	automation: option('automation-levels', 'decision-support'),
	'human-oversight': 'Un agent relit et corrige chaque brouillon avant envoi.',
	contest: 'L’usager peut demander qu’un agent reprenne sa demande.',
	'ai-act-role': option('ai-act-roles', 'deployer'),
	'risk-class': option('risk-classes', 'minimal'),
	'risk-rationale': 'Aide à la rédaction sans décision sur les personnes.',
	'source-code-reason': 'Logiciel d’un prestataire.',
	details:
		'Le système lit les questions reçues et propose une réponse. Contact de l’équipe : jeanne.dupont@clairval.example, 06 12 34 56 78.',
});

type Json = Record<string, unknown>;

/**
 * A model's answer in strict structured-output form: every property of the schema present,
 * `null` where `data` has nothing, as OpenAI's strict mode returns it.
 */
export function strictAnswer(schema: Json, data: unknown): unknown {
	const object =
		schema['type'] === 'object'
			? schema
			: (schema['anyOf'] as Json[] | undefined)?.find((variant) => variant['type'] === 'object');
	if (data === undefined || data === null) return null;
	if (Array.isArray(data)) {
		const items =
			(schema['items'] as Json | undefined) ??
			((schema['anyOf'] as Json[] | undefined)?.find((v) => v['type'] === 'array')?.[
				'items'
			] as Json);
		return data.map((item) => strictAnswer(items ?? {}, item));
	}
	if (!object || typeof data !== 'object') return data;
	const properties = object['properties'] as Record<string, Json>;
	return Object.fromEntries(
		Object.entries(properties).map(([key, child]) => [
			key,
			strictAnswer(child, (data as Json)[key]),
		]),
	);
}

/** What a good model would draft from {@link systemAnswers}: both languages, some extras. */
export const aiSystem = (): Json => ({
	name: { fr: 'Assistant de réponse aux usagers', en: 'Citizen reply assistant' },
	summary: {
		fr: 'Propose aux agents un brouillon de réponse aux questions reçues par courriel.',
		en: 'Suggests draft replies to questions received by e-mail, for officers to review.',
	},
	purpose: { fr: 'Répondre plus vite aux usagers.', en: 'Answer residents faster.' },
	owner: {
		unit: { fr: 'Direction de la relation usagers', en: 'Resident relations department' },
		role: { fr: 'Responsable de l’accueil', en: 'Head of front desk' },
	},
	contact: { url: 'https://www.clairval.example/contact' },
	contest: {
		fr: 'L’usager peut demander qu’un agent reprenne sa demande.',
		en: 'Residents can ask for an officer to take over their request.',
	},
	affectedPeople: {
		fr: 'Les usagers qui écrivent à la métropole.',
		en: 'Residents who write to the authority.',
	},
	humanOversight: {
		fr: 'Un agent relit et corrige chaque brouillon avant envoi.',
		en: 'An officer reviews and corrects each draft before it is sent.',
	},
	aiAct: {
		role: 'deployer',
		riskClass: 'minimal',
		rationale: {
			fr: 'Aide à la rédaction sans décision sur les personnes.',
			en: 'Writing aid that makes no decision about people.',
		},
	},
	sourceCode: {
		notPublishedReason: { fr: 'Logiciel d’un prestataire.', en: 'Supplier software.' },
	},
	dataSources: [
		{
			name: { fr: 'Courriels des usagers', en: 'Residents’ e-mails' },
			personalData: 'personal',
		},
	],
	principles: ['human-review'],
});

/** Answers to the "declare an AI model" form, in English. */
export const modelAnswers = (): Record<string, FormAnswer> => ({
	language: 'English',
	name: 'Whisper Large v3 Turbo',
	version: '2024-10',
	provider: 'OpenAI',
	'learning-type': option('learning-types', 'self-supervised'),
	modalities: [option('modalities', 'audio'), option('modalities', 'text')],
	licence: 'MIT',
	'open-weights': 'Oui / Yes',
	hosting: option('hosting', 'on-premises'),
	residency: option('data-residency', 'france'),
	languages: 'fr, en',
	details: 'Speech-to-text model we run on our own servers to subtitle council meetings.',
});

/** What a good model would draft from {@link modelAnswers}. */
export const aiModel = (): Json => ({
	name: { fr: 'Whisper Large v3 Turbo', en: 'Whisper Large v3 Turbo' },
	provider: { fr: 'OpenAI', en: 'OpenAI' },
	description: {
		fr: 'Modèle de reconnaissance vocale qui transcrit la parole en texte.',
		en: 'Speech recognition model that transcribes speech to text.',
	},
	tasks: { fr: 'Transcrire des séances.', en: 'Transcribe meetings.' },
	trainingData: {
		fr: 'Enregistrements audio multilingues, selon son fournisseur.',
		en: 'Multilingual audio recordings, according to its provider.',
	},
	limitations: {
		fr: 'Erreurs sur les noms propres ; chaque sous-titre est relu.',
		en: 'Errors on proper names; every subtitle is reviewed.',
	},
});
