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
	/** The new entries the draft adds beside its own (models the entry names). */
	extra?: readonly DraftEntry[];
	report: DraftReport;
	validation: ValidationResult;
	/** Whether the base branch already has an entry at this path. */
	replacesExisting: boolean;
	/** Why the draft was made without AI, when it was. */
	formOnlyReason?: Bilingual | undefined;
	/** The records of drafts for this issue, kept hidden at the end of the body. */
	records: readonly DraftRecord[];
	/** What the draft does not give yet, in words: a maintainer completes it before merging. */
	toComplete?: readonly ToCompleteItem[];
	/** Personal data found in the draft and masked in it, at its line of the entry. */
	personalData?: readonly RegistryProblem[];
	/** Personal data a person let be written as typed (`personal-data-ok` label on the issue). */
	personalDataCleared?: readonly RegistryProblem[];
}

/** A field to complete, as the checklist names it: the question's label and what to give. */
export interface ToCompleteItem {
	label: Bilingual;
	note: Bilingual;
}

/** GitHub refuses pull request bodies above 65,536 characters; the sent text is cut first. */
const maxSentTextLength = 40_000;

/** Whether the entry has review dates, which only a person confirms. */
function hasReview(content: string): boolean {
	const review = readFrontMatter(content)?.['review'];
	return typeof review === 'object' && review !== null;
}

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

function describeToComplete(items: readonly ToCompleteItem[]): string {
	return items.length === 0
		? '✅ rien · nothing'
		: `⚠️ ${items.length} champ(s), voir plus bas · field(s), see below`;
}

function describePersonalData(input: ChecklistInput): string {
	const found = input.personalData ?? [];
	const cleared = input.personalDataCleared ?? [];
	if (found.length > 0) {
		return `❌ repérées dans ${found.length} champ(s), masquées · found in ${found.length} field(s), masked`;
	}
	if (cleared.length > 0) {
		return `⚠️ gardées telles quelles dans ${cleared.length} champ(s) (étiquette \`personal-data-ok\`) · kept as typed in ${cleared.length} field(s) (\`personal-data-ok\` label)`;
	}
	return '✅ aucune repérée · none found';
}

/** A field to complete, as a box to tick: its label, then what to give, in both languages. */
function toCompleteLine(item: ToCompleteItem): string {
	const note = (language: keyof Bilingual) =>
		item.note[language] ? ` — ${inlineText(item.note[language], 300)}` : '';
	return `- [ ] **${inlineText(item.label.fr, 120)}**${note('fr')} · **${inlineText(item.label.en, 120)}**${note('en')}`;
}

function personalDataLines(input: ChecklistInput): string[] {
	const found = input.personalData ?? [];
	const cleared = input.personalDataCleared ?? [];
	if (found.length === 0 && cleared.length === 0) return [];
	const line = (problem: RegistryProblem) =>
		`- ${codeName(problem.path)} (ligne · line ${problem.line}) — ${inlineText(problem.message.fr)} · ${inlineText(problem.message.en)}`;
	if (found.length > 0) {
		return [
			'',
			'### ⚠️ Données personnelles · Personal data',
			'',
			'> [!CAUTION]',
			'> **FR** Les réponses du ticket contiennent ce qui ressemble à des données personnelles : elles sont masquées dans la fiche (`[EMAIL]`, `[PHONE]`…) et la vérification échoue tant qu’une personne n’a pas tranché. Retirez-les du ticket (la modification relance la rédaction), puis effacez l’ancienne version de son historique ; ou, si elles peuvent être publiées (un standard, un numéro de version pris pour une adresse IP), posez l’étiquette `personal-data-ok` sur le ticket et relancez la rédaction : elles seront alors écrites telles quelles.',
			'> **EN** The issue’s answers hold what looks like personal data: it is masked in the entry (`[EMAIL]`, `[PHONE]`…) and the check fails until a person decides. Remove it from the issue (the edit drafts again), then delete the old version from its history; or, if it may be published (a switchboard number, a version number taken for an IP address), add the `personal-data-ok` label to the issue and draft again: it will then be written as typed.',
			'',
			...found.map(line),
		];
	}
	return [
		'',
		'### Données personnelles gardées · Personal data kept',
		'',
		'Une personne a posé l’étiquette `personal-data-ok` : ces valeurs sont écrites telles quelles ; vérifiez qu’elles peuvent être publiées. · A person added the `personal-data-ok` label: these values are written as typed; check that they may be published.',
		'',
		...cleared.map(line),
	];
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

type ReportedCorrection = NonNullable<DraftReport['correction']>;

/** The issue's language first, the other after: `Statut (Status)`. */
function inLanguage(text: Bilingual, language: string): string {
	const [first, second] = language === 'en' ? [text.en, text.fr] : [text.fr, text.en];
	return first === second
		? inlineText(first, 120)
		: `${inlineText(first, 120)} (${inlineText(second, 120)})`;
}

const originWords: Record<string, string> = {
	ai: '🤖 IA · AI',
	form: '📝 formulaire · form',
};

/**
 * A correction's sections: what the reporter wrote, the changes field by field (each field named
 * in the issue's language first, before → after) and what a maintainer must still do.
 */
function correctionLines(correction: ReportedCorrection): string[] {
	const value = (text: string | null) => (text === null ? '—' : inlineText(text, 300));
	const changes =
		correction.changes.length > 0
			? [
					'| Champ · Field | Avant · Before | Après · After | Origine · Origin |',
					'| --- | --- | --- | --- |',
					...correction.changes.map(
						(change) =>
							`| **${inLanguage(change.label, correction.language)}** ${codeName(change.field)} | ${value(change.before)} | ${value(change.after)} | ${originWords[change.origin] ?? inlineText(change.origin, 20)} |`,
					),
				]
			: ['Aucun champ modifié automatiquement · No field changed automatically'];
	const reported =
		correction.report.length > 0
			? correction.report.flatMap((answer) => [
					`**${inLanguage(answer.label, correction.language)}**`,
					'',
					fencedBlock(answer.text),
					'',
				])
			: ['Aucun texte · No text', ''];
	return [
		'',
		'### Modifications, champ par champ · Changes, field by field',
		'',
		...changes,
		...(correction.toDo.length > 0
			? [
					'',
					'### À faire par l’équipe · For the team to do',
					'',
					...correction.toDo.map(
						(item) => `- [ ] ${inlineText(item.fr, 300)} · ${inlineText(item.en, 300)}`,
					),
				]
			: []),
		'',
		'### Ce que dit le ticket · What the issue says',
		'',
		...reported,
	];
}

/** What a correction's pull request says first: who drafted it, from which issue. */
function correctionDrafter(
	report: DraftReport,
	issueNumber: number,
	update: boolean,
): { fr: string; en: string } {
	const what = update
		? { fr: 'cette mise à jour', en: 'this update' }
		: { fr: 'cette correction', en: 'this correction' };
	return report.mode === 'ai'
		? {
				fr: `Une IA a rédigé ${what.fr} de la fiche à partir du ticket #${issueNumber} ; seuls les champs listés plus bas changent.`,
				en: `An AI drafted ${what.en} of the entry from issue #${issueNumber}; only the fields listed below change.`,
			}
		: {
				fr: `${what.fr[0]?.toUpperCase()}${what.fr.slice(1)} reprend les réponses du ticket #${issueNumber}, sans IA ; le texte du signalement est plus bas, à côté de la fiche à modifier.`,
				en: `${what.en[0]?.toUpperCase()}${what.en.slice(1)} applies the answers of issue #${issueNumber}, without AI; the report’s text is below, beside the entry to edit.`,
			};
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
	const correction = report.correction ?? undefined;
	const update = correction?.form === 'entry-update';
	const drafter = correction
		? correctionDrafter(report, issue.number, update)
		: report.mode === 'ai'
			? {
					fr: `Une IA a rédigé ce brouillon à partir du ticket #${issue.number}.`,
					en: `An AI drafted this entry from issue #${issue.number}.`,
				}
			: {
					fr: `Ce brouillon reprend le formulaire du ticket #${issue.number}, sans IA.`,
					en: `This draft copies the form of issue #${issue.number}, without AI.`,
				};
	const toComplete = input.toComplete ?? [];
	const lines: string[] = [
		pullRequestMarker(issue.number),
		correction
			? update
				? '## Mise à jour à relire · Update to review'
				: '## Correction à relire · Correction to review'
			: toComplete.length > 0
				? '## Brouillon à compléter et relire · Draft to complete and review'
				: '## Brouillon à relire · Draft to review',
		'',
		'> [!IMPORTANT]',
		`> **FR** ${drafter.fr} Rien n’est publié avant qu’une personne le relise et fusionne cette demande.`,
		`> **EN** ${drafter.en} Nothing is published until a person reviews and merges this pull request.`,
		'',
		'| | |',
		'| --- | --- |',
		`| **Fiche · Entry** | ${codeName(entry.path)} — ${
			correction
				? '✏️ modifie une fiche publiée · edits a published entry'
				: input.replacesExisting
					? '⚠️ remplace une fiche publiée · replaces a published entry'
					: 'nouvelle fiche · new entry'
		} |`,
		...(input.extra ?? []).map(
			(file) =>
				`| **Fiche ajoutée · Entry added** | ${codeName(file.path)} — nommée par la fiche, absente du registre : à compléter · named by the entry, not in the registry: to complete |`,
		),
		`| **Ticket · Issue** | #${issue.number} (${codeName(issue.author)}) · Closes #${issue.number} |`,
		`| **Rédaction · Drafting** | ${describeMode(input)} |`,
		`| **Traduction · Translation** | ${describeTranslation(readTranslationState(entry.content))} |`,
		`| **Validation** | ${describeValidation(validation)} |`,
		`| **À compléter · To complete** | ${describeToComplete(toComplete)} |`,
		`| **Données personnelles · Personal data** | ${describePersonalData(input)} |`,
		...(toComplete.length > 0
			? [
					'',
					'### 0. À compléter avant de fusionner · To complete before merging',
					'',
					'Le ticket ne les donne pas (formulaire court, sans IA, ou réponse du modèle incomplète) ; la vérification les signale à leur ligne du fichier. · The issue does not give them (short form, no AI, or an incomplete answer from the model); the check points at their line in the file.',
					'',
					...toComplete.map(toCompleteLine),
				]
			: []),
		...(correction ? correctionLines(correction) : []),
		...personalDataLines(input),
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
		...(hasReview(entry.content) && !correction
			? [
					'- [ ] `review.next` (proposée un an après le brouillon) convient ; `review.last` reste vide tant que l’équipe qui répond de la fiche ne l’a pas revue · `review.next` (proposed a year after the draft) suits; `review.last` stays empty until the team accountable for the entry has reviewed it',
				]
			: []),
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
	// Also for a form-only draft made after the model failed: what was sent still left the machine.
	const sent = report.sentText ?? '';
	if (sent.length > 0) {
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
