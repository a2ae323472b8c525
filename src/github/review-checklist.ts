import { checkRunName } from './check-run.ts';
import { languageState } from '../registry/entry-rules.ts';
import type { LanguageState } from '../registry/schemas/index.ts';
import type { DraftEntry, DraftReport } from './draft-report.ts';
import type { Bilingual } from './errors.ts';
import { formatDraftLog, type DraftRecord } from './draft-log.ts';
import type { DraftIssue } from './event.ts';
import { readFrontMatter } from './front-matter.ts';
import { codeName, fencedBlock, formatNumber, inlineText } from './markdown.ts';
import { pullRequestMarker } from './pull-request.ts';
import type { RegistryProblem, ValidationResult } from './revalidate.ts';

/** Everything the review checklist shows. */
export interface ChecklistInput {
	issue: DraftIssue;
	entry: DraftEntry;
	report: DraftReport;
	validation: ValidationResult;
	/** Whether the base branch already has an entry at this path. */
	replacesExisting: boolean;
	/** Why the draft was made without AI, when it was. */
	formOnlyReason?: Bilingual | undefined;
	/** The records of drafts for this issue, kept hidden at the end of the body. */
	records: readonly DraftRecord[];
}

/** GitHub refuses pull request bodies above 65,536 characters; the sent text is cut first. */
const maxSentTextLength = 40_000;

/** Reads `language: { original, translation }` from an entry's front matter, if it is there. */
export function readTranslationState(content: string): LanguageState | undefined {
	const data = readFrontMatter(content) as { language?: unknown } | undefined;
	return languageState(data?.language);
}

const languageNames = {
	fr: { fr: 'français', en: 'French' },
	en: { fr: 'anglais', en: 'English' },
} as const;

function describeTranslation(state: LanguageState | undefined): string {
	if (!state) {
		return '⚠️ non indiquée dans la fiche · not stated in the entry (`language`)';
	}
	const original = languageNames[state.original];
	const other = languageNames[state.original === 'fr' ? 'en' : 'fr'];
	const status = {
		human: { fr: 'traduit par une personne', en: 'translated by a person', icon: '✅' },
		machine: {
			fr: 'traduit automatiquement, à relire',
			en: 'machine-translated, to review',
			icon: '⚠️',
		},
		missing: { fr: 'manquant', en: 'missing', icon: '⚠️' },
	}[state.translation];
	return `${status.icon} original : ${original.fr}, ${other.fr} ${status.fr} · original: ${original.en}, ${other.en} ${status.en}`;
}

function describeMode(input: ChecklistInput): string {
	const { report } = input;
	if (report.mode === 'ai') {
		const model = [report.provider, report.model].filter(Boolean).map((v) => inlineText(String(v)));
		return `🤖 IA · AI${model.length > 0 ? ` — ${model.join(' / ')}` : ''}`;
	}
	const why = input.formOnlyReason
		? `${inlineText(input.formOnlyReason.fr)} · ${inlineText(input.formOnlyReason.en)}`
		: 'raison non précisée · reason not given';
	return `📝 formulaire seul, sans IA · form only, no AI (${why})`;
}

function problemLine(problem: RegistryProblem): string {
	return `- ${codeName(problem.path)} (ligne · line ${problem.line}) ${codeName(problem.field)} — ${inlineText(problem.message.fr)} · ${inlineText(problem.message.en)}`;
}

function describeValidation(validation: ValidationResult): string {
	if (validation.draftProblems.length === 0 && validation.otherProblems.length === 0) {
		return '✅ aucun problème · no problem';
	}
	if (validation.draftProblems.length === 0) {
		return `✅ aucun problème dans cette fiche · no problem in this entry (⚠️ ${validation.otherProblems.length} ailleurs · elsewhere, see below)`;
	}
	return `❌ ${validation.draftProblems.length} problème(s) · problem(s)`;
}

/** The estimated money cost of the model calls, with where the figure comes from. */
export function describeCost(cost: DraftReport['cost']): string {
	if (!cost) return '—';
	const amount = formatNumber(cost.amount, 6);
	const currency = inlineText(cost.currency, 8);
	const basis = [cost.source, cost.basis].filter(Boolean).map((v) => inlineText(String(v), 160));
	return `≈ ${amount.fr} ${currency} · ${amount.en} ${currency}${basis.length > 0 ? ` (${basis.join(' : ')})` : ''}`;
}

/** A range of figures, or one figure when both ends agree. */
function range(value: { min: number; max: number }, unit: string): { fr: string; en: string } {
	const min = formatNumber(value.min, 6);
	const max = formatNumber(value.max, 6);
	return value.min === value.max
		? { fr: `${min.fr} ${unit}`, en: `${min.en} ${unit}` }
		: { fr: `${min.fr} à ${max.fr} ${unit}`, en: `${min.en} to ${max.en} ${unit}` };
}

/** The estimated energy (and carbon) of the model calls. */
export function describeEnergy(energy: DraftReport['energy']): string {
	if (!energy) return '—';
	const kWh = range(energy.kWh, 'kWh');
	const carbon = energy.kgCO2eq ? range(energy.kgCO2eq, 'kg CO₂e') : undefined;
	const fr = [kWh.fr, carbon?.fr].filter(Boolean).join(', ');
	const en = [kWh.en, carbon?.en].filter(Boolean).join(', ');
	const basis = [energy.source, energy.basis]
		.filter(Boolean)
		.map((v) => inlineText(String(v), 160));
	return `${fr} · ${en}${basis.length > 0 ? ` (${basis.join(' : ')})` : ''}`;
}

function describeUsage(report: DraftReport): string {
	const usage = report.usage;
	if (!usage) return '— (aucun appel au modèle · no model call)';
	const total = formatNumber(usage.totalTokens, 0);
	const prompt = formatNumber(usage.promptTokens, 0);
	const completion = formatNumber(usage.completionTokens, 0);
	return `${total.fr} (entrée ${prompt.fr}, sortie ${completion.fr}) · ${total.en} (prompt ${prompt.en}, completion ${completion.en})`;
}

function describeDuration(report: DraftReport): string {
	if (report.durationMs === null || report.durationMs === undefined) return '—';
	const total = formatNumber(report.durationMs / 1000, 1);
	const model =
		report.modelDurationMs === null || report.modelDurationMs === undefined
			? undefined
			: formatNumber(report.modelDurationMs / 1000, 1);
	const calls = report.calls ?? undefined;
	return model
		? `${total.fr} s dont ${model.fr} s d’attente du modèle${calls ? ` (${calls} appel(s))` : ''} · ${total.en} s, ${model.en} s of which waiting for the model${calls ? ` (${calls} call(s))` : ''}`
		: `${total.fr} s · ${total.en} s`;
}

function describeRedactions(redactions: Record<string, number>): string {
	const entries = Object.entries(redactions).filter(([, count]) => count > 0);
	if (entries.length === 0) return 'rien · nothing';
	return entries.map(([kind, count]) => `${inlineText(kind, 30)} × ${count}`).join(', ');
}

function fieldsByOrigin(report: DraftReport, origin: string): string[] {
	return Object.entries(report.fields)
		.filter(([, from]) => from === origin)
		.map(([name]) => name)
		.sort();
}

/**
 * The pull request body: a review checklist that puts first what a maintainer must check — the
 * fields the AI filled — then the fields from the form, the translation state, the validator's
 * verdict, the exact text sent to the model (folded) and what the draft cost.
 */
export function renderReviewChecklist(input: ChecklistInput): string {
	const { issue, entry, report, validation } = input;
	const aiFields = fieldsByOrigin(report, 'ai');
	const formFields = fieldsByOrigin(report, 'form');
	const personFields = fieldsByOrigin(report, 'person');
	const drafter =
		report.mode === 'ai'
			? {
					fr: `Une IA a rédigé ce brouillon à partir du ticket #${issue.number}.`,
					en: `An AI drafted this entry from issue #${issue.number}.`,
				}
			: {
					fr: `Ce brouillon reprend le formulaire du ticket #${issue.number}, sans IA.`,
					en: `This draft copies the form of issue #${issue.number}, without AI.`,
				};
	const lines: string[] = [
		pullRequestMarker(issue.number),
		'## Brouillon à relire · Draft to review',
		'',
		'> [!IMPORTANT]',
		`> **FR** ${drafter.fr} Rien n’est publié avant qu’une personne le relise et fusionne cette demande.`,
		`> **EN** ${drafter.en} Nothing is published until a person reviews and merges this pull request.`,
		'',
		'| | |',
		'| --- | --- |',
		`| **Fiche · Entry** | ${codeName(entry.path)} — ${
			input.replacesExisting
				? '⚠️ remplace une fiche publiée · replaces a published entry'
				: 'nouvelle fiche · new entry'
		} |`,
		`| **Ticket · Issue** | #${issue.number} (${codeName(issue.author)}) · Closes #${issue.number} |`,
		`| **Rédaction · Drafting** | ${describeMode(input)} |`,
		`| **Traduction · Translation** | ${describeTranslation(readTranslationState(entry.content))} |`,
		`| **Validation** | ${describeValidation(validation)} |`,
		'',
		'### 1. À vérifier en premier : champs remplis par l’IA · Check first: fields the AI filled',
		'',
		...(aiFields.length > 0 ? aiFields.map((name) => `- [ ] ${codeName(name)}`) : ['Aucun · None']),
		'',
		'### 2. Champs repris du formulaire · Fields taken from the form',
		'',
		formFields.length > 0 ? formFields.map(codeName).join(' · ') : 'Aucun · None',
		...(personFields.length > 0
			? [
					'',
					`Modifiés par une personne · Edited by a person: ${personFields.map(codeName).join(' · ')}`,
				]
			: []),
		'',
		'### 3. Avant de fusionner · Before merging',
		'',
		'- [ ] Les faits sont exacts et sourcés · The facts are accurate and sourced',
		'- [ ] Aucune donnée personnelle (nom, courriel, téléphone…) · No personal data (name, email, phone…)',
		'- [ ] Les deux langues disent la même chose et `language.translation` est à jour · Both languages say the same and `language.translation` is up to date',
		'- [ ] `provenance.fields` indique les champs modifiés par une personne · `provenance.fields` marks the fields a person edited',
		`- [ ] La vérification « ${checkRunName} » est verte (les commits du robot ne lancent pas la CI ; après un commit d’une personne, la CI doit l’être aussi) · The "${checkRunName}" check is green (bot commits do not start CI; after a person’s commit, CI must be green too)`,
	];
	if (validation.draftProblems.length > 0 || validation.otherProblems.length > 0) {
		lines.push(
			'',
			'### Validation',
			'',
			...validation.draftProblems.map(problemLine),
			...(validation.otherProblems.length > 0
				? [
						'',
						'Déjà présents sur la branche de base · Already on the base branch:',
						'',
						...validation.otherProblems.slice(0, 20).map(problemLine),
					]
				: []),
		);
	}
	lines.push('', '### Coût de la rédaction · Cost of drafting', '', '| | |', '| --- | --- |');
	lines.push(
		`| **Jetons · Tokens** | ${describeUsage(report)} |`,
		`| **Durée · Latency** | ${describeDuration(report)} |`,
		`| **Coût estimé · Estimated cost** | ${describeCost(report.cost)} |`,
		`| **Énergie estimée · Estimated energy** | ${describeEnergy(report.energy)} |`,
		`| **Masqué avant envoi · Redacted before sending** | ${describeRedactions(report.redactions)} |`,
	);
	const sent = report.sentText ?? '';
	if (report.mode === 'ai' && sent.length > 0) {
		const cut = sent.length > maxSentTextLength;
		const shown = cut ? sent.slice(0, maxSentTextLength) : sent;
		const size = formatNumber(sent.length, 0);
		lines.push(
			'',
			'<details>',
			`<summary>Texte exact envoyé au modèle (${size.fr} caractères) · Exact text sent to the model (${size.en} characters)</summary>`,
			'',
			fencedBlock(shown),
			...(cut
				? [
						'',
						'Texte tronqué ici ; il est complet dans l’artefact « draft » du workflow. · Cut here; the full text is in the workflow’s "draft" artifact.',
					]
				: []),
			'',
			'</details>',
		);
	}
	lines.push('', formatDraftLog(input.records), '');
	return lines.join('\n');
}
