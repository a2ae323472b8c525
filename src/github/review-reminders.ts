import { relative, resolve } from 'node:path';
import { loadSiteConfig } from '../config/load.ts';
import type { SiteConfig } from '../config/schema.ts';
import { maintainersOf, repositoryUrl, siteAddress } from '../config/site.ts';
import { entryPagePath } from '../config/languages.ts';
import { entryFormUrl } from '../utils/entry-forms.ts';
import {
	kinds,
	kindOf,
	isEntryKind,
	type EntryKind,
	type KindDescriptor,
} from '../registry/kinds/index.ts';
import { loadRegistry, type Registry } from '../registry/load.ts';
import { entryKey } from '../registry/references.ts';
import { formatLongDate } from '../registry/texts.ts';
import { fieldDoc } from '../registry/schemas/field.ts';
import { objectShape, valueAt } from '../registry/schema-fields.ts';
import {
	PublishError,
	failureMessage,
	describeGitHubError,
	gitHubMessage,
	isGitHubError,
	isRequestError,
	type Bilingual,
} from './errors.ts';
import { readRunEnvironment, type WorkflowLog } from './command.ts';
import { codeName, inlineText } from './markdown.ts';
import {
	createRestClient,
	type ClientPacing,
	type GitHubClient,
	type RepositoryRef,
} from './rest-client.ts';

/**
 * Review reminders: one issue per registry entry whose next review (`review.next`, on the kinds
 * that have one) has passed or comes within {@link reviewHorizonDays} days, addressed to the
 * entry's team and the registry's maintainers, in both languages; closed with a comment once the
 * entry's review date moves on. Each issue is found again by its hidden marker among the issues
 * with the {@link reviewDueLabel} label, so a run never opens a second one for an entry.
 */

/** Label of the reminders: how the workflow finds its issues again, and how people filter them. */
export const reviewDueLabel = 'review-due';

/** The label as created when the repository lacks it (GitHub allows 100 characters here). */
const reviewDueLabelSpec = {
	name: reviewDueLabel,
	color: 'fbca04',
	description: 'Revue de fiche à faire · Entry review due (review-reminders.yml)',
};

/** How many days ahead a review date counts as due. */
export const reviewHorizonDays = 30;

/**
 * How many reminders a run opens at most: a first run on a large registry would otherwise
 * notify people of hundreds at once, and GitHub limits how fast content is created. The others
 * are opened by the next runs.
 * @see https://docs.github.com/en/rest/using-the-rest-api/rate-limits-for-the-rest-api#about-secondary-rate-limits
 */
export const maxOpenedPerRun = 30;

/** The workflow that runs the reminders, named in messages about its permissions. */
const workflowFile = '.github/workflows/review-reminders.yml';

/** The hidden marker of an entry's reminder, with the review date it was written for. */
export function reminderMarker(kind: EntryKind, id: string, next: string): string {
	return `<!-- registre-ia:review-reminder ${kind}/${id} next=${next} -->`;
}

const markerPattern =
	/^<!-- registre-ia:review-reminder ([a-z][a-z-]*)\/([a-z0-9][a-z0-9.-]{0,63}) next=(\d{4}-\d{2}-\d{2}) -->/;

/** What the team of an entry is called, from the fields of its kind that name a unit. */
export interface TeamPart {
	/** The field's label, e.g. `Service` / `Unit`, `Fonction responsable` / `Accountable role`. */
	label: Bilingual;
	value: Bilingual;
}

/** An entry that has a review date, and where that date stands. */
export interface EntryReview {
	kind: EntryKind;
	id: string;
	name: Bilingual;
	next: string;
	last: string | undefined;
	/** `overdue`: the date has passed; `upcoming`: within the horizon; `later`: beyond it. */
	status: 'overdue' | 'upcoming' | 'later';
	team: TeamPart[];
	/** The entry's file in the repository, and the line of its `review.next`. */
	path: string;
	line: number;
}

/** Whether a kind's schema has a `review.next` date. */
export function hasReviewDate(kind: KindDescriptor): boolean {
	const review = objectShape(kind.schema)?.['review'];
	return review !== undefined && objectShape(review)?.['next'] !== undefined;
}

/**
 * The fields of a kind that say which team answers for an entry: the top-level objects with a
 * `unit` (a system's or a dataset's `owner`, a processing record's `controller`), their `unit`
 * and `role`, labelled as the schema labels them.
 */
function teamFields(kind: KindDescriptor): { path: string; label: Bilingual }[] {
	const fields: { path: string; label: Bilingual }[] = [];
	for (const [name, schema] of Object.entries(objectShape(kind.schema) ?? {})) {
		const shape = objectShape(schema);
		if (!shape?.['unit']) continue;
		for (const part of ['unit', 'role']) {
			const label = shape[part] && fieldDoc(shape[part])?.label;
			if (label) fields.push({ path: `${name}.${part}`, label });
		}
	}
	return fields;
}

/** A plain string, or a text in one or both languages, as a text in both. */
function bilingualValue(value: unknown): Bilingual | undefined {
	if (typeof value === 'string' && value.trim()) return { fr: value, en: value };
	if (typeof value !== 'object' || value === null) return undefined;
	const { fr, en } = value as { fr?: unknown; en?: unknown };
	const french = typeof fr === 'string' && fr.trim() ? fr : undefined;
	const english = typeof en === 'string' && en.trim() ? en : undefined;
	if (!french && !english) return undefined;
	return { fr: french ?? english ?? '', en: english ?? french ?? '' };
}

/** A date `days` after an ISO date (`YYYY-MM-DD`), as an ISO date. */
function addDays(date: string, days: number): string {
	const time = Date.parse(`${date}T00:00:00Z`) + days * 86_400_000;
	return new Date(time).toISOString().slice(0, 10);
}

/**
 * Every entry of a kind with a review date, by `kind/id`, and where its date stands on `today`;
 * and the entries whose file failed its schema (their reminders are left as they are until the
 * file is fixed). Paths are relative to `root`, as the repository holds them.
 */
export function entryReviews(
	registry: Registry,
	options: { today: string; days?: number; root?: string },
): { reviews: Map<string, EntryReview>; unreadable: Set<string> } {
	const horizon = addDays(options.today, options.days ?? reviewHorizonDays);
	const root = options.root ?? process.cwd();
	const reviews = new Map<string, EntryReview>();
	for (const kind of kinds.filter(hasReviewDate)) {
		const team = teamFields(kind);
		for (const entry of registry[kind.name]) {
			const next = valueAt(entry.data, 'review.next');
			if (typeof next !== 'string') continue;
			const last = valueAt(entry.data, 'review.last');
			reviews.set(entryKey(kind.name, entry.id), {
				kind: kind.name,
				id: entry.id,
				name: bilingualValue(valueAt(entry.data, kind.titleField)) ?? {
					fr: entry.id,
					en: entry.id,
				},
				next,
				last: typeof last === 'string' ? last : undefined,
				status: next < options.today ? 'overdue' : next <= horizon ? 'upcoming' : 'later',
				team: team.flatMap(({ path, label }) => {
					const value = bilingualValue(valueAt(entry.data, path));
					return value ? [{ label, value }] : [];
				}),
				path: relative(root, resolve(entry.file.path)).split('\\').join('/'),
				line: entry.file.lineOf(['review', 'next']),
			});
		}
	}
	const unreadable = new Set(
		(registry.rejected ?? []).map((entry) => entryKey(entry.kind, entry.id)),
	);
	return { reviews, unreadable };
}

/** Where the reminders point: the published site and the repository's published branch. */
export interface ReminderContext {
	config: Pick<SiteConfig, 'site' | 'repository'>;
}

/** The public page of an entry in a language, as the site routes it (src/utils/registry-paths.ts). */
function entryPageUrl(context: ReminderContext, review: EntryReview, lang: 'fr' | 'en'): string {
	const { segment } = kindOf(review.kind);
	const path = `${entryPagePath(context.config.site.languages, lang, segment, review.id)}/`;
	return new URL(path, siteAddress(context.config.site)).href;
}

/** Who answers for the registry: CODEOWNERS' maintainers, the repository's owner by default. */
export function registryMaintainers(config: Pick<SiteConfig, 'repository'>): string {
	return maintainersOf(config.repository);
}

/** A date in French and English, e.g. `15 janvier 2027`, `15 January 2027`. */
function formatDate(iso: string): Bilingual {
	const date = new Date(`${iso}T00:00:00Z`);
	return { fr: formatLongDate(date, 'fr'), en: formatLongDate(date, 'en') };
}

/** Controls, format characters (bidirectional overrides, zero-width ones) and noncharacters. */
const invisible = /[\p{Cc}\p{Cf}\p{Co}\p{Cs}\uFDD0-\uFDEF\uFFFE\uFFFF]/gu;

/** A reminder's title and body. */
export interface ReminderText {
	title: string;
	body: string;
}

/**
 * The reminder of an entry, in both languages. Registry values (its name, its team) are shown
 * as text (no mention, link or HTML); the maintainers, checked by the configuration's schema, are
 * mentioned, so GitHub notifies them. The text depends on the date and its status only, never on
 * today's date: a run on another day changes nothing.
 */
export function renderReminder(review: EntryReview, context: ReminderContext): ReminderText {
	const noun = kindOf(review.kind).nouns.one;
	const date = formatDate(review.next);
	const repository = context.config.repository;
	const editUrl = repositoryUrl(repository, `/edit/${repository.branch}/${review.path}`);
	const lineUrl = repositoryUrl(
		repository,
		`/blob/${repository.branch}/${review.path}#L${review.line}`,
	);
	const name = { fr: inlineText(review.name.fr, 120), en: inlineText(review.name.en, 120) };
	// The update form, with the entry filled in: its answers become a pull request.
	const reviewDoneUrl = (lang: 'fr' | 'en') =>
		entryFormUrl(context.config, {
			form: 'entry-update',
			kind: review.kind,
			id: review.id,
			lang,
			title: lang === 'fr' ? `Revue faite : ${review.name.fr}` : `Review done: ${review.name.en}`,
		});
	const team = (lang: 'fr' | 'en') =>
		review.team.length > 0
			? review.team
					.map(
						(part) =>
							`${inlineText(part.label[lang], 80)}${lang === 'fr' ? ' : ' : ': '}${inlineText(part.value[lang])}`,
					)
					.join(' · ')
			: lang === 'fr'
				? 'non renseignée'
				: 'not given';
	const overdue = review.status === 'overdue';
	const maintainers = registryMaintainers(context.config);
	const field = codeName('review.next');
	const file = codeName(review.path);
	const french = [
		'**Français**',
		'',
		`${overdue ? 'La revue de la fiche' : 'La prochaine revue de la fiche'} **${name.fr}** (${noun.fr}) ${overdue ? `était prévue le ${date.fr} : elle est en retard.` : `est prévue le ${date.fr}.`}`,
		'',
		`- Équipe : ${team('fr')}`,
		`- Responsables du registre : ${maintainers}`,
		`- [Voir la fiche](${entryPageUrl(context, review, 'fr')})`,
		`- [Déclarer la revue faite](${reviewDoneUrl('fr')}), avec le formulaire « Mettre à jour une fiche »`,
		`- [Modifier le fichier](${editUrl}) (${file}, [ligne ${review.line}](${lineUrl}))`,
		'',
		`Une fois la revue faite, déclarez-la avec le formulaire ci-dessus, ou inscrivez vous-même sa date dans ${codeName('review.last')} et la suivante dans ${field} : ce ticket se fermera de lui-même à la première vérification qui suivra la fusion.`,
	];
	const english = [
		'**English**',
		'',
		`${overdue ? 'The review of the entry' : 'The next review of the entry'} **${name.en}** (${noun.en}) ${overdue ? `was due on ${date.en}: it is overdue.` : `is due on ${date.en}.`}`,
		'',
		`- Team: ${team('en')}`,
		`- Registry maintainers: ${maintainers}`,
		`- [See the entry](${entryPageUrl(context, review, 'en')})`,
		`- [Record the review as done](${reviewDoneUrl('en')}), with the “Update an entry” form`,
		`- [Edit the file](${editUrl}) (${file}, [line ${review.line}](${lineUrl}))`,
		'',
		`Once the review is done, record it with the form above, or write its date in ${codeName('review.last')} and the next one in ${field} yourself: this issue closes itself at the first check after the merge.`,
	];
	const body = [
		reminderMarker(review.kind, review.id, review.next),
		...french,
		'',
		'---',
		'',
		...english,
		'',
	].join('\n');
	const shownName =
		review.name.fr === review.name.en ? review.name.fr : `${review.name.fr} / ${review.name.en}`;
	// A title is plain text: only what is not text is dropped.
	const plainName = shownName.replace(invisible, '').replace(/\s+/g, ' ').trim();
	const title = `${overdue ? 'Revue en retard · Review overdue' : 'Revue à faire · Review due'}: ${plainName}`;
	return { title: title.length > 256 ? `${title.slice(0, 255)}…` : title, body };
}

/** A reminder issue found on GitHub. */
export interface ReminderIssue {
	number: number;
	url: string;
	state: 'open' | 'closed';
	title: string;
	body: string;
	kind: EntryKind;
	id: string;
	/** The review date the issue was last written for. */
	next: string;
}

/** Reads a reminder's marker; `undefined` for any other issue. */
export function readReminderMarker(
	body: string,
): { kind: EntryKind; id: string; next: string } | undefined {
	const match = markerPattern.exec(body);
	if (!match?.[1] || !match[2] || !match[3] || !isEntryKind(match[1])) return undefined;
	return { kind: match[1], id: match[2], next: match[3] };
}

/** What a run does about one entry or one issue. */
export type ReminderAction =
	| { type: 'open'; review: EntryReview }
	| { type: 'reopen'; review: EntryReview; issue: ReminderIssue }
	| { type: 'update'; review: EntryReview; issue: ReminderIssue }
	| { type: 'unchanged'; review: EntryReview; issue: ReminderIssue }
	/** Closed by a person for this very date: their decision stands until the date changes. */
	| { type: 'left-closed'; review: EntryReview; issue: ReminderIssue }
	| { type: 'close'; issue: ReminderIssue; because: CloseReason }
	/** The entry's file fails its schema: its issue waits for the file to be fixed. */
	| { type: 'kept'; issue: ReminderIssue };

/** Why a reminder is closed. */
export type CloseReason =
	| { reason: 'moved'; review: EntryReview }
	| { reason: 'no-date' }
	| { reason: 'duplicate'; of: number };

/**
 * Decides, from the entries' review dates and the reminders found, what to open, update, reopen
 * or close: one issue per entry (the oldest, open ones first; any other is closed as its
 * duplicate), none left open for an entry whose review is no longer due.
 */
export function planReminders(
	reviews: ReadonlyMap<string, EntryReview>,
	unreadable: ReadonlySet<string>,
	issues: readonly ReminderIssue[],
	context: ReminderContext,
): ReminderAction[] {
	const actions: ReminderAction[] = [];
	const byEntry = new Map<string, ReminderIssue[]>();
	for (const issue of issues) {
		const key = entryKey(issue.kind, issue.id);
		byEntry.set(key, [...(byEntry.get(key) ?? []), issue]);
	}
	for (const [key, found] of byEntry) {
		const [kept, ...others] = [...found].sort(
			(a, b) => Number(a.state === 'closed') - Number(b.state === 'closed') || a.number - b.number,
		);
		if (!kept) continue;
		for (const other of others) {
			if (other.state === 'open') {
				actions.push({
					type: 'close',
					issue: other,
					because: { reason: 'duplicate', of: kept.number },
				});
			}
		}
		byEntry.set(key, [kept]);
	}
	for (const [key, review] of reviews) {
		const issue = byEntry.get(key)?.[0];
		if (review.status === 'later') {
			if (issue?.state === 'open') {
				actions.push({ type: 'close', issue, because: { reason: 'moved', review } });
			}
			continue;
		}
		if (!issue) {
			actions.push({ type: 'open', review });
			continue;
		}
		const text = renderReminder(review, context);
		if (issue.state === 'closed') {
			actions.push(
				issue.next === review.next
					? { type: 'left-closed', review, issue }
					: { type: 'reopen', review, issue },
			);
		} else if (issue.title !== text.title || issue.body !== text.body) {
			actions.push({ type: 'update', review, issue });
		} else {
			actions.push({ type: 'unchanged', review, issue });
		}
	}
	for (const [key, [issue]] of byEntry) {
		if (!issue || reviews.has(key) || issue.state !== 'open') continue;
		actions.push(
			unreadable.has(key)
				? { type: 'kept', issue }
				: { type: 'close', issue, because: { reason: 'no-date' } },
		);
	}
	return actions;
}

/** The comment a reminder is closed with, in both languages. */
export function closingComment(because: CloseReason): string {
	if (because.reason === 'duplicate') {
		return `Doublon de #${because.of}, qui suit cette revue. · Duplicate of #${because.of}, which follows this review.`;
	}
	if (because.reason === 'no-date') {
		return [
			'La fiche n’existe plus ou n’a plus de date de prochaine revue : ce rappel est clos.',
			'',
			'The entry no longer exists or no longer has a next review date: this reminder is closed.',
		].join('\n');
	}
	const date = formatDate(because.review.next);
	const last = because.review.last && formatDate(because.review.last);
	return [
		`${last ? `Revue faite le ${last.fr} ; la` : 'La'} prochaine revue est prévue le ${date.fr} : ce rappel est clos, il se rouvrira à l’approche de cette date.`,
		'',
		`${last ? `Reviewed on ${last.en}; the` : 'The'} next review is due on ${date.en}: this reminder is closed, and reopens as that date comes near.`,
	].join('\n');
}

/** Options of {@link syncReviewReminders}. */
export interface SyncOptions {
	client: GitHubClient;
	repository: RepositoryRef;
	registry: Registry;
	config: ReminderContext['config'];
	/** The day the run checks against, `YYYY-MM-DD`. */
	today: string;
	days?: number;
	/** The repository's root, which entry paths are made relative to. */
	root?: string;
	maxOpened?: number;
}

/** What a run did: each action taken, the issue it concerned, and what waits for the next run. */
export interface SyncResult {
	actions: { action: ReminderAction; number: number | undefined; url: string | undefined }[];
	/** Entries due whose reminder the cap left for the next run. */
	deferred: EntryReview[];
	labelCreated: boolean;
}

/**
 * Brings the reminders up to date: creates the label if missing, finds the reminders by marker,
 * then opens, updates, reopens and closes them as {@link planReminders} decides. Re-running it
 * changes nothing. Every GitHub error names the permission or setting to fix.
 */
export async function syncReviewReminders(options: SyncOptions): Promise<SyncResult> {
	const { client, repository } = options;
	const context: ReminderContext = { config: options.config };
	const labelCreated = await ensureLabel(client, repository);
	const issues = await listReminders(client, repository);
	const { reviews, unreadable } = entryReviews(options.registry, options);
	const planned = planReminders(reviews, unreadable, issues, context);
	const result: SyncResult = { actions: [], deferred: [], labelCreated };
	let opened = 0;
	for (const action of planned) {
		if (action.type === 'open' && opened >= (options.maxOpened ?? maxOpenedPerRun)) {
			result.deferred.push(action.review);
			continue;
		}
		const done = await apply(client, repository, action, context);
		if (action.type === 'open') opened++;
		result.actions.push({ action, ...done });
	}
	return result;
}

async function apply(
	client: GitHubClient,
	repository: RepositoryRef,
	action: ReminderAction,
	context: ReminderContext,
): Promise<{ number: number | undefined; url: string | undefined }> {
	switch (action.type) {
		case 'open': {
			const text = renderReminder(action.review, context);
			const created = await explain(doing.open, () =>
				client.rest.issues.create({ ...repository, ...text, labels: [reviewDueLabel] }),
			);
			return { number: created.data.number, url: created.data.html_url };
		}
		case 'reopen':
		case 'update': {
			const text = renderReminder(action.review, context);
			await explain(doing.update, () =>
				client.rest.issues.update({
					...repository,
					issue_number: action.issue.number,
					...text,
					...(action.type === 'reopen' && { state: 'open' }),
				}),
			);
			return { number: action.issue.number, url: action.issue.url };
		}
		case 'close': {
			await explain(doing.close, () =>
				client.rest.issues.createComment({
					...repository,
					issue_number: action.issue.number,
					body: closingComment(action.because),
				}),
			);
			await explain(doing.close, () =>
				client.rest.issues.update({
					...repository,
					issue_number: action.issue.number,
					state: 'closed',
					state_reason: action.because.reason === 'moved' ? 'completed' : 'not_planned',
				}),
			);
			return { number: action.issue.number, url: action.issue.url };
		}
		default:
			return { number: action.issue.number, url: action.issue.url };
	}
}

/** Creates the {@link reviewDueLabel} label when the repository lacks it; true if it did. */
async function ensureLabel(client: GitHubClient, repository: RepositoryRef): Promise<boolean> {
	try {
		await client.rest.issues.getLabel({ ...repository, name: reviewDueLabel });
		return false;
	} catch (error) {
		if (!isGitHubError(error, 404)) throw explainError(error, doing.label);
	}
	try {
		await client.rest.issues.createLabel({ ...repository, ...reviewDueLabelSpec });
		return true;
	} catch (error) {
		// Created meanwhile by someone else: what was wanted.
		if (isGitHubError(error, 422, 'already_exists')) return false;
		throw explainError(error, doing.label);
	}
}

/** The reminders among the issues labelled {@link reviewDueLabel}: a bot's, with a marker. */
async function listReminders(
	client: GitHubClient,
	repository: RepositoryRef,
): Promise<ReminderIssue[]> {
	const issues = await explain(doing.list, () =>
		client.paginate(client.rest.issues.listForRepo, {
			...repository,
			labels: reviewDueLabel,
			state: 'all',
			per_page: 100,
		}),
	);
	return issues.flatMap((issue) => {
		const marker = readReminderMarker(issue.body ?? '');
		// A person's issue with the label, or a pull request, is not one of ours.
		if (!marker || issue.user?.type !== 'Bot' || issue.pull_request) return [];
		return [
			{
				number: issue.number,
				url: issue.html_url,
				state: issue.state === 'closed' ? 'closed' : 'open',
				title: issue.title,
				body: issue.body ?? '',
				...marker,
			},
		];
	});
}

/** What the reminders do on GitHub, and the permission each needs. */
const doing = {
	label: { fr: 'créer l’étiquette « review-due »', en: 'create the "review-due" label' },
	list: { fr: 'lister les rappels de revue', en: 'list the review reminders' },
	open: { fr: 'ouvrir un rappel de revue', en: 'open a review reminder' },
	update: { fr: 'mettre à jour un rappel de revue', en: 'update a review reminder' },
	close: { fr: 'clore un rappel de revue', en: 'close a review reminder' },
} satisfies Record<string, Bilingual>;

async function explain<T>(what: Bilingual, call: () => Promise<T>): Promise<T> {
	try {
		return await call();
	} catch (error) {
		throw explainError(error, what);
	}
}

/** A GitHub failure as a message naming the permission of review-reminders.yml to fix. */
function explainError(error: unknown, what: Bilingual): PublishError {
	if (error instanceof PublishError) return error;
	if (isGitHubError(error, 403, 'resource not accessible by') || isGitHubError(error, 404)) {
		const said = isRequestError(error) ? ` (GitHub : ${error.status} ${gitHubMessage(error)})` : '';
		return new PublishError(
			{
				fr: `Le jeton ne peut pas ${what.fr}. Le job de ${workflowFile} doit avoir « issues: write » (et « contents: read ») dans son bloc permissions:.${said}`,
				en: `The token cannot ${what.en}. The job of ${workflowFile} needs "issues: write" (and "contents: read") in its permissions: block.${said.replace('GitHub :', 'GitHub:')}`,
			},
			{ cause: error },
		);
	}
	// The token, the rate limit, an unreachable API: said the same way as for drafts.
	const described = describeGitHubError(error, 'read-repository');
	const rateLimited =
		isRequestError(error) &&
		(error.status === 429 ||
			(error.status === 403 && String(error.response?.headers?.['x-ratelimit-remaining']) === '0'));
	if (rateLimited || (isRequestError(error) && (error.status === 401 || error.status >= 500))) {
		return described;
	}
	return new PublishError(
		{
			fr: `GitHub a refusé de ${what.fr} : ${described.bilingual.fr}`,
			en: `GitHub refused to ${what.en}: ${described.bilingual.en}`,
		},
		{ cause: error },
	);
}

/** Arguments of `npm run review-reminders`. */
export interface ReviewRemindersArguments {
	registryDir: string;
	/** The day to check against (`YYYY-MM-DD`); today, in UTC, unless set. */
	today?: string | undefined;
	days?: number | undefined;
	maxOpened?: number | undefined;
}

/** What the command reads besides the environment (tests swap them). */
export interface ReviewRemindersSeams {
	log: WorkflowLog;
	pacing?: ClientPacing;
	/** The configuration; `registre.config.yml` (or the sample's) unless set. */
	config?: ReminderContext['config'];
}

/** How each action is told in the log and the job summary. */
const actionWords: Record<ReminderAction['type'], Bilingual> = {
	open: { fr: 'ouvert', en: 'opened' },
	reopen: { fr: 'rouvert', en: 'reopened' },
	update: { fr: 'mis à jour', en: 'updated' },
	unchanged: { fr: 'inchangé', en: 'unchanged' },
	'left-closed': { fr: 'laissé clos (par une personne)', en: 'left closed (by a person)' },
	close: { fr: 'clos', en: 'closed' },
	kept: { fr: 'gardé (fiche illisible)', en: 'kept (entry unreadable)' },
};

/** Runs `npm run review-reminders` and returns the exit code. */
export async function runReviewRemindersCommand(
	args: ReviewRemindersArguments,
	env: NodeJS.ProcessEnv,
	seams: ReviewRemindersSeams,
): Promise<number> {
	const { log } = seams;
	try {
		const run = readRunEnvironment(env);
		const today = args.today ?? new Date().toISOString().slice(0, 10);
		const config = seams.config ?? loadSiteConfig();
		const registry = await loadRegistry(args.registryDir);
		const result = await syncReviewReminders({
			client: createRestClient({ token: run.token, baseUrl: run.apiUrl, pacing: seams.pacing }),
			repository: run.repository,
			registry,
			config,
			today,
			...(args.days !== undefined && { days: args.days }),
			...(args.maxOpened !== undefined && { maxOpened: args.maxOpened }),
		});
		const counts = countActions(result);
		log.untrusted([
			`Reviews due by ${addDays(today, args.days ?? reviewHorizonDays)}: ${counts.due} reminder(s) open, ${counts.open} opened, ${counts.reopen} reopened, ${counts.update} updated, ${counts.close} closed, ${result.deferred.length} left for the next run.`,
		]);
		if (result.labelCreated) log.untrusted([`Label "${reviewDueLabel}" created.`]);
		if (result.actions.length > 0) {
			await log.group(`Review reminders (${result.actions.length})`, async () =>
				log.untrusted(result.actions.map(describeAction)),
			);
		}
		for (const review of result.deferred) {
			log.annotate(
				'notice',
				`Review due on ${review.next}: its reminder opens at the next run (at most ${args.maxOpened ?? maxOpenedPerRun} a run).`,
				{ file: review.path, line: review.line },
			);
		}
		log.outputs({
			opened: String(counts.open),
			reopened: String(counts.reopen),
			updated: String(counts.update),
			closed: String(counts.close),
			deferred: String(result.deferred.length),
		});
		await log.summary(renderRemindersSummary(result, today));
		return 0;
	} catch (error) {
		log.annotate('error', failureMessage(error));
		return 1;
	}
}

function countActions(result: SyncResult): Record<ReminderAction['type'] | 'due', number> {
	const counts = {
		open: 0,
		reopen: 0,
		update: 0,
		unchanged: 0,
		'left-closed': 0,
		close: 0,
		kept: 0,
	};
	for (const { action } of result.actions) counts[action.type]++;
	return { ...counts, due: counts.open + counts.reopen + counts.update + counts.unchanged };
}

/** One line of the log about an action: the issue, the entry, the date. */
function describeAction({ action, number, url }: SyncResult['actions'][number]): string {
	const entry =
		'review' in action
			? `${action.review.kind}/${action.review.id} (review ${action.review.status} on ${action.review.next})`
			: `${action.issue.kind}/${action.issue.id}`;
	const why = action.type === 'close' ? ` (${action.because.reason})` : '';
	return `#${number ?? '?'} ${actionWords[action.type].en}${why}: ${entry} ${url ?? ''}`.trim();
}

/** The job summary: a table of the reminders touched, every value escaped as text. */
export function renderRemindersSummary(result: SyncResult, today: string): string {
	const lines = [
		`### Rappels de revue · Review reminders (${today})`,
		'',
		'| Rappel · Reminder | Fiche · Entry | Prochaine revue · Next review | Action |',
		'| --- | --- | --- | --- |',
	];
	for (const { action, number } of result.actions) {
		const kind = 'review' in action ? action.review.kind : action.issue.kind;
		const id = 'review' in action ? action.review.id : action.issue.id;
		const next = 'review' in action ? action.review.next : action.issue.next;
		const words = actionWords[action.type];
		lines.push(
			`| #${number ?? '?'} | ${codeName(`${kind}/${id}`)} | ${codeName(next)} | ${words.fr} · ${words.en} |`,
		);
	}
	for (const review of result.deferred) {
		lines.push(
			`| – | ${codeName(`${review.kind}/${review.id}`)} | ${codeName(review.next)} | à la prochaine exécution · next run |`,
		);
	}
	if (result.actions.length === 0 && result.deferred.length === 0) {
		lines.push('| – | – | – | aucune revue à venir · no review due |');
	}
	return `${lines.join('\n')}\n\n`;
}
