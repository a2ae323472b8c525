import type { Bilingual } from './errors.ts';
import { codeName, formatUtcTime, inlineText } from './markdown.ts';

/** At most this many field names are listed; the rest are counted. */
const maxListedFields = 30;

function fieldList(fields: string[]): string {
	const shown = fields.slice(0, maxListedFields).map(codeName).join(', ');
	return fields.length > maxListedFields ? `${shown} (+${fields.length - maxListedFields})` : shown;
}
import type { RegistryProblem } from './revalidate.ts';

/** Personal data found in the issue's answers, as the comment tells its author. */
export interface PersonalDataNote {
	/** The questions (or fields) where it was found. */
	fields: readonly Bilingual[];
	/** What was found: `email`, `phone`, `iban`, `nir`, `ip`. */
	kinds: readonly string[];
}

/** A draft in its pull request, as the comment tells it. */
interface DraftInPullRequest {
	pull: { number: number; url: string };
	mode: 'ai' | 'form-only';
	formOnlyReason?: Bilingual | undefined;
	/** Personal data masked in the draft; absent when none was found or a person cleared it. */
	personalData?: PersonalDataNote | undefined;
	/** The pull request edits an existing entry (an error report, an update). */
	correction?: boolean | undefined;
}

/** The comment's first sentence: where the draft, or the correction, is. */
function inPullRequest(outcome: DraftInPullRequest): Bilingual {
	const link = `#${outcome.pull.number}`;
	return outcome.correction
		? {
				fr: `La modification proposée de la fiche est dans la demande de fusion ${link}.`,
				en: `The proposed change to the entry is in pull request ${link}.`,
			}
		: {
				fr: `Le brouillon de la fiche est dans la demande de fusion ${link}.`,
				en: `The draft entry is in pull request ${link}.`,
			};
}

/** What happened to an issue's draft, as the sticky comment tells it. */
export type DraftOutcome =
	| ({ kind: 'draft-ready' } & DraftInPullRequest)
	/** A draft that does not say everything yet: the team completes `toComplete`. */
	| ({ kind: 'draft-incomplete'; toComplete: readonly Bilingual[] } & DraftInPullRequest)
	| { kind: 'already-published'; path: string }
	| { kind: 'invalid-form'; errors: { field: string; message: Bilingual }[] }
	| { kind: 'rate-limited'; retryAt: string; limit: number; per?: 'author' | 'issue' }
	| {
			kind: 'human-took-over';
			pull: { number: number; url: string } | undefined;
			branch: string;
			reasons: { kind: 'commit' | 'review'; who: string }[];
			/**
			 * Top-level fields on which the issue's new draft differs from the bot's last draft;
			 * `undefined` when the edit made no draft (a form the AI was needed for).
			 */
			changedFields: string[] | undefined;
	  }
	| { kind: 'model-failed'; errors: { field: string; message: Bilingual }[] }
	| { kind: 'draft-failed'; errors: { field: string; message: Bilingual }[] }
	| { kind: 'draft-rejected'; problems: RegistryProblem[] }
	| { kind: 'publish-failed'; message: Bilingual };

function section(title: string, fr: string[], en: string[]): string {
	return [
		`### ${title}`,
		'',
		`**Français.** ${fr.join(' ')}`,
		'',
		`**English.** ${en.join(' ')}`,
	].join('\n');
}

function list(items: string[]): string {
	return items.length > 0 ? `\n\n${items.join('\n')}` : '';
}

function formOnlyNote(outcome: DraftInPullRequest): Bilingual {
	if (outcome.mode === 'ai') {
		return {
			fr: 'Une IA a proposé une partie des champs : ce n’est qu’une suggestion, que l’équipe vérifie.',
			en: 'An AI suggested some of the fields: they are only a suggestion, which the team checks.',
		};
	}
	const reason = outcome.formOnlyReason;
	return {
		fr: `Le brouillon reprend seulement le formulaire, sans IA${reason ? ` : ${inlineText(reason.fr)}` : ''}.`,
		en: `The draft only copies the form, without AI${reason ? `: ${inlineText(reason.en)}` : ''}.`,
	};
}

/** The problems, one a line: their messages name the questions by their labels. */
function fieldErrors(errors: { field: string; message: Bilingual }[], language: keyof Bilingual) {
	return errors.map((error) => `- ${inlineText(error.message[language])}`);
}

/** What personal data is called, in each language. */
const personalDataWords: Record<string, Bilingual> = {
	email: { fr: 'adresse électronique', en: 'email address' },
	phone: { fr: 'numéro de téléphone', en: 'phone number' },
	iban: { fr: 'IBAN', en: 'IBAN' },
	nir: { fr: 'numéro de sécurité sociale', en: 'social security number' },
	ip: { fr: 'adresse IP', en: 'IP address' },
};

/** Names in one language, quoted and joined: `« Finalité », « Contact »`. */
function quoted(labels: readonly Bilingual[], language: keyof Bilingual): string {
	const shown = labels
		.slice(0, maxListedFields)
		.map((label) =>
			language === 'fr' ? `« ${inlineText(label.fr, 120)} »` : `“${inlineText(label.en, 120)}”`,
		);
	const more = labels.length - shown.length;
	return `${shown.join(', ')}${more > 0 ? ` (+${more})` : ''}`;
}

/** Tells the author that the draft masks personal data from their answers, and what to do. */
function personalDataNote(note: PersonalDataNote | undefined): Bilingual | undefined {
	if (!note || note.fields.length === 0) return undefined;
	const kinds = (language: keyof Bilingual) =>
		note.kinds
			.map((kind) => personalDataWords[kind]?.[language] ?? inlineText(kind, 20))
			.join(', ');
	return {
		fr: `⚠️ Vos réponses semblent contenir des données personnelles (${kinds('fr')}) dans ${quoted(note.fields, 'fr')} : elles sont masquées dans le brouillon et ne seront pas publiées. Retirez-les en modifiant ce ticket.`,
		en: `⚠️ Your answers seem to hold personal data (${kinds('en')}) in ${quoted(note.fields, 'en')}: it is masked in the draft and will not be published. Remove it by editing this issue.`,
	};
}

/**
 * The sticky comment's text for an outcome, in French then English, followed by `notes`: what
 * the run did besides drafting (a draft-ready comment already gives the gate's reason).
 */
export function renderStatusComment(
	outcome: DraftOutcome,
	notes: readonly Bilingual[] = [],
): string {
	const main = renderOutcome(outcome);
	if (notes.length === 0 || outcome.kind === 'draft-ready' || outcome.kind === 'draft-incomplete') {
		return main;
	}
	return [
		main,
		...notes.map((note) => `ℹ️ ${inlineText(note.fr)}\n\nℹ️ ${inlineText(note.en)}`),
	].join('\n\n');
}

function renderOutcome(outcome: DraftOutcome): string {
	switch (outcome.kind) {
		case 'draft-ready': {
			const note = formOnlyNote(outcome);
			const personal = personalDataNote(outcome.personalData);
			const where = inPullRequest(outcome);
			return section(
				'✅ Brouillon prêt pour relecture · Draft ready for review',
				[
					where.fr,
					note.fr,
					'Une personne de l’équipe le relit ; rien n’est publié sans sa validation.',
					'Pour le corriger, modifiez ce ticket : le brouillon sera mis à jour dans la même demande.',
					...(personal ? [`\n\n${personal.fr}`] : []),
				],
				[
					where.en,
					note.en,
					'A team member reviews it; nothing is published without their approval.',
					'To correct it, edit this issue: the draft will be updated in the same pull request.',
					...(personal ? [`\n\n${personal.en}`] : []),
				],
			);
		}
		case 'draft-incomplete': {
			const note = formOnlyNote(outcome);
			const personal = personalDataNote(outcome.personalData);
			const where = inPullRequest(outcome);
			const fields = outcome.toComplete;
			return section(
				'📝 Brouillon prêt, que l’équipe complète · Draft ready, for the team to complete',
				[
					where.fr,
					note.fr,
					fields.length > 0
						? `Il ne dit pas encore tout : l’équipe du registre complétera ${quoted(fields, 'fr')} avant toute publication.`
						: 'Il ne dit pas encore tout : l’équipe du registre le complétera avant toute publication.',
					'Vous n’avez rien d’autre à faire ; pour préciser votre description, modifiez ce ticket : le brouillon sera mis à jour dans la même demande.',
					...(personal ? [`\n\n${personal.fr}`] : []),
				],
				[
					where.en,
					note.en,
					fields.length > 0
						? `It does not say everything yet: the registry team will complete ${quoted(fields, 'en')} before anything is published.`
						: 'It does not say everything yet: the registry team will complete it before anything is published.',
					'There is nothing else for you to do; to add to your description, edit this issue: the draft will be updated in the same pull request.',
					...(personal ? [`\n\n${personal.en}`] : []),
				],
			);
		}
		case 'already-published':
			return section(
				'ℹ️ Rien à proposer · Nothing to propose',
				[`La fiche publiée ${codeName(outcome.path)} est déjà identique à ce brouillon.`],
				[`The published entry ${codeName(outcome.path)} already matches this draft.`],
			);
		case 'invalid-form':
			return section(
				'✏️ Formulaire à compléter · Form to complete',
				[
					'Aucun brouillon n’a été rédigé : corrigez ces champs en modifiant le ticket, le brouillon sera alors rédigé.',
					list(fieldErrors(outcome.errors, 'fr')),
				],
				[
					'No draft was written: fix these fields by editing the issue, and the draft will then be written.',
					list(fieldErrors(outcome.errors, 'en')),
				],
			);
		case 'human-took-over': {
			const where = outcome.pull ? `#${outcome.pull.number}` : codeName(outcome.branch);
			const who = [...new Set(outcome.reasons.map((reason) => reason.kind))];
			const did = {
				fr: who.map((kind) => (kind === 'commit' ? 'modifié' : 'relu')).join(' et '),
				en: who.map((kind) => (kind === 'commit' ? 'changed' : 'reviewed')).join(' and '),
			};
			const changed = outcome.changedFields;
			return section(
				'✋ Brouillon repris par l’équipe · Draft taken over by the team',
				[
					`Une personne de l’équipe a ${did.fr} le brouillon (${where}) : pour ne pas effacer son travail, le robot n’y écrit plus.`,
					changed === undefined
						? 'Votre dernière modification du ticket n’a pas été reportée au brouillon.'
						: changed.length > 0
							? `Votre dernière modification du ticket n’a pas été reportée ; par rapport au brouillon, elle change : ${fieldList(changed)}.`
							: 'Votre dernière modification du ticket ne change aucun champ du brouillon.',
					'L’équipe reportera ce qu’il faut à la main ; vous pouvez aussi le préciser en commentaire de la demande de fusion.',
				],
				[
					`A team member has ${did.en} the draft (${where}): so as not to erase their work, the bot no longer writes to it.`,
					changed === undefined
						? 'Your latest edit of the issue was not carried over to the draft.'
						: changed.length > 0
							? `Your latest edit of the issue was not carried over; compared with the draft, it changes: ${fieldList(changed)}.`
							: 'Your latest edit of the issue changes no field of the draft.',
					'The team will carry over what is needed by hand; you can also say so in a comment on the pull request.',
				],
			);
		}
		case 'rate-limited': {
			const when = formatUtcTime(outcome.retryAt);
			if (outcome.per === 'issue') {
				return section(
					'⏳ Trop de versions pour ce ticket · Too many versions of this issue',
					[
						`Ce ticket a déjà été rédigé ${outcome.limit} fois en 24 heures, la limite ; le brouillon reste tel quel.`,
						`Modifiez-le de nouveau après le ${when.fr} ; chaque modification d’ici là compte aussi.`,
					],
					[
						`This issue was already drafted ${outcome.limit} times within 24 hours, the limit; the draft stays as it is.`,
						`Edit it again after ${when.en}; every edit until then counts too.`,
					],
				);
			}
			return section(
				'⏳ Trop de demandes · Too many requests',
				[
					`Vous avez demandé ${outcome.limit} brouillons dans l’heure, la limite.`,
					`Réessayez après le ${when.fr} en modifiant de nouveau le ticket ; chaque demande d’ici là compte aussi.`,
				],
				[
					`You requested ${outcome.limit} drafts within the hour, the limit.`,
					`Try again after ${when.en} by editing the issue again; every request until then counts too.`,
				],
			);
		}
		case 'model-failed':
			return section(
				'⚠️ L’IA n’a pas pu rédiger · The AI could not draft',
				[
					'Le modèle n’a pas rendu de brouillon valide ; rien n’a été écrit.',
					'Modifiez le ticket pour réessayer plus tard, ou demandez à l’équipe de poser l’étiquette `no-ai-draft` pour obtenir un brouillon reprenant seulement le formulaire.',
					list(fieldErrors(outcome.errors, 'fr')),
				],
				[
					'The model did not return a valid draft; nothing was written.',
					'Edit the issue to try again later, or ask the team to add the `no-ai-draft` label to get a draft that only copies the form.',
					list(fieldErrors(outcome.errors, 'en')),
				],
			);
		case 'draft-failed':
			return section(
				'🛠️ Rédaction interrompue · Drafting stopped',
				[
					'La rédaction du brouillon a échoué de façon inattendue ; rien n’a été écrit. L’équipe du dépôt est prévenue par l’échec du workflow.',
					list(fieldErrors(outcome.errors, 'fr')),
				],
				[
					'Drafting failed unexpectedly; nothing was written. The repository’s team is told by the failed workflow run.',
					list(fieldErrors(outcome.errors, 'en')),
				],
			);
		case 'draft-rejected': {
			const problems = (language: keyof Bilingual) =>
				outcome.problems.map(
					(problem) =>
						`- ${codeName(problem.field)} (ligne · line ${problem.line}) : ${inlineText(problem.message[language])}`,
				);
			return section(
				'❌ Brouillon refusé par le validateur · Draft rejected by the validator',
				[
					'Le brouillon ne respecte pas les règles du registre ; rien n’a été écrit.',
					'Précisez ces points en modifiant le ticket.',
					list(problems('fr')),
				],
				[
					'The draft does not follow the registry’s rules; nothing was written.',
					'Clarify these points by editing the issue.',
					list(problems('en')),
				],
			);
		}
		case 'publish-failed':
			return section(
				'🛠️ Publication du brouillon impossible · Could not publish the draft',
				[inlineText(outcome.message.fr, 1000), 'L’équipe du dépôt doit corriger ce réglage.'],
				[inlineText(outcome.message.en, 1000), 'The repository’s team must fix this setting.'],
			);
	}
}
