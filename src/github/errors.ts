/** A text in French and English, as every message shown to contributors and maintainers is. */
export interface Bilingual {
	fr: string;
	en: string;
}

/** An error whose message, in both languages, names what to change to fix it. */
export class PublishError extends Error {
	/** The message in both languages. */
	readonly bilingual: Bilingual;
	/** The GitHub call that failed, when it was one. */
	readonly action: GitHubAction | undefined;

	constructor(bilingual: Bilingual, options?: { cause?: unknown; action?: GitHubAction }) {
		super(bilingual.en, { cause: options?.cause });
		this.name = 'PublishError';
		this.bilingual = bilingual;
		this.action = options?.action;
	}
}

/** What an Octokit request error looks like, without importing Octokit's internal packages. */
export interface GitHubRequestError {
	status: number;
	message: string;
	response?: { data?: unknown; headers?: Record<string, string | number | undefined> };
}

/** Whether a value is an error thrown by Octokit for an HTTP response. */
export function isRequestError(error: unknown): error is GitHubRequestError {
	return (
		error instanceof Error &&
		'status' in error &&
		typeof (error as { status: unknown }).status === 'number'
	);
}

/** GitHub's own `message` from an error response, without Octokit's documentation suffix. */
export function gitHubMessage(error: GitHubRequestError): string {
	const data = error.response?.data;
	if (typeof data === 'object' && data !== null && 'message' in data) {
		const message = (data as { message: unknown }).message;
		if (typeof message === 'string') return message;
	}
	return error.message;
}

/** Whether GitHub answered a request with this status and a message containing this text. */
export function isGitHubError(error: unknown, status: number, messagePart?: string): boolean {
	if (!isRequestError(error) || error.status !== status) return false;
	if (messagePart === undefined) return true;
	const errors = (error.response?.data as { errors?: unknown } | undefined)?.errors;
	const text = `${gitHubMessage(error)} ${JSON.stringify(errors ?? '')}`.toLowerCase();
	return text.includes(messagePart.toLowerCase());
}

/**
 * What a step was doing when GitHub refused, and the `permissions:` entry the workflow job needs
 * for it. The names are those of the workflow syntax.
 * @see https://docs.github.com/en/actions/reference/workflows-and-actions/workflow-syntax#permissions
 */
export const gitHubActions = {
	'read-issue': { permission: 'issues: read', fr: 'lire le ticket', en: 'read the issue' },
	'read-repository': {
		permission: 'contents: read',
		fr: 'lire le dépôt',
		en: 'read the repository',
	},
	'write-branch': {
		permission: 'contents: write',
		fr: 'écrire la branche du brouillon',
		en: 'write the draft branch',
	},
	'read-actions': {
		permission: 'actions: read',
		fr: 'lire les exécutions du workflow (limites d’usage)',
		en: 'read the workflow’s runs (rate limits)',
		job: 'draft',
	},
	'read-pull-requests': {
		permission: 'pull-requests: read',
		fr: 'lire les demandes de fusion',
		en: 'read the pull requests',
	},
	'write-pull-request': {
		permission: 'pull-requests: write',
		fr: 'ouvrir ou mettre à jour la demande de fusion',
		en: 'open or update the pull request',
	},
	'label-pull-request': {
		permission: 'pull-requests: write',
		fr: 'étiqueter la demande de fusion',
		en: 'label the pull request',
	},
	'unlabel-issue': {
		permission: 'issues: write',
		fr: 'retirer l’étiquette du ticket',
		en: 'remove the label from the issue',
	},
	'write-comment': {
		permission: 'issues: write',
		fr: 'commenter le ticket',
		en: 'comment on the issue',
	},
	'write-check': {
		permission: 'checks: write',
		fr: 'publier la vérification du brouillon sur son commit',
		en: 'report the draft’s check on its commit',
	},
	'delete-branch': {
		permission: 'contents: write',
		fr: 'supprimer la branche laissée sans demande de fusion',
		en: 'delete the branch left without a pull request',
	},
} as const;

/** A step of the publication that calls GitHub. */
export type GitHubAction = keyof typeof gitHubActions;

/** Where the repository setting that lets workflows open pull requests lives. */
const pullRequestSetting = {
	fr: 'Settings › Actions › General › Workflow permissions › « Allow GitHub Actions to create and approve pull requests » (et le même réglage au niveau de l’organisation s’il y est verrouillé)',
	en: 'Settings › Actions › General › Workflow permissions › "Allow GitHub Actions to create and approve pull requests" (and the same setting at organisation level if it is locked there)',
};

/**
 * Turns whatever a GitHub call threw into a message that names the setting, permission or token
 * to fix, in both languages.
 * @see https://github.com/peter-evans/create-pull-request/blob/main/src/github-helper.ts
 */
export function describeGitHubError(error: unknown, action: GitHubAction): PublishError {
	if (error instanceof PublishError) return error;
	const doing = gitHubActions[action];
	if (!isRequestError(error)) {
		const reason = error instanceof Error ? error.message : String(error);
		return new PublishError(
			{
				fr: `Échec en voulant ${doing.fr} : ${reason}`,
				en: `Failed to ${doing.en}: ${reason}`,
			},
			{ cause: error, action },
		);
	}
	const message = gitHubMessage(error);
	const said = ` (GitHub : ${error.status} ${message})`;
	const saidEn = ` (GitHub: ${error.status} ${message})`;
	if (isGitHubError(error, 403, 'not permitted to create or approve pull requests')) {
		return new PublishError(
			{
				fr: `GitHub Actions n’a pas le droit d’ouvrir des demandes de fusion dans ce dépôt. Une personne qui administre le dépôt doit cocher ${pullRequestSetting.fr}.${said}`,
				en: `GitHub Actions is not permitted to create pull requests in this repository. A repository administrator must tick ${pullRequestSetting.en}.${saidEn}`,
			},
			{ cause: error, action },
		);
	}
	if (isGitHubError(error, 403, 'resource not accessible by')) {
		const draftJob = 'job' in doing && doing.job === 'draft';
		return new PublishError(
			{
				fr: `Le jeton n’a pas la permission de ${doing.fr}. Ajoutez « ${doing.permission} » au bloc permissions: du job ${draftJob ? 'de rédaction' : 'de publication'} (.github/workflows/ai-draft.yml) ; si le dépôt limite les jetons à la lecture, c’est ce bloc qui fait foi.${said}`,
				en: `The token lacks the permission to ${doing.en}. Add "${doing.permission}" to the ${draftJob ? 'draft' : 'publish'} job's permissions: block (.github/workflows/ai-draft.yml); if the repository restricts tokens to read-only, that block is what counts.${saidEn}`,
			},
			{ cause: error, action },
		);
	}
	if (error.status === 401) {
		return new PublishError(
			{
				fr: `GitHub refuse le jeton (invalide ou expiré). Passez GITHUB_TOKEN: \${{ github.token }} dans l’env de l’étape, ou renouvelez le jeton personnel utilisé.${said}`,
				en: `GitHub rejects the token (invalid or expired). Pass GITHUB_TOKEN: \${{ github.token }} in the step's env, or renew the personal token in use.${saidEn}`,
			},
			{ cause: error, action },
		);
	}
	if (isRateLimited(error)) {
		return new PublishError(
			{
				fr: `Limite d’appels à l’API GitHub atteinte ; relancez le workflow plus tard.${said}`,
				en: `GitHub API rate limit reached; re-run the workflow later.${saidEn}`,
			},
			{ cause: error, action },
		);
	}
	if (error.status === 404) {
		return new PublishError(
			{
				fr: `Introuvable en voulant ${doing.fr} : le jeton n’a pas accès au dépôt, ou GITHUB_REPOSITORY / GITHUB_API_URL sont faux. Pour un jeton personnel « fine-grained », ajoutez ce dépôt à son accès et la permission « ${doing.permission} ».${said}`,
				en: `Not found while trying to ${doing.en}: the token has no access to the repository, or GITHUB_REPOSITORY / GITHUB_API_URL are wrong. For a fine-grained personal token, add this repository to its access and grant "${doing.permission}".${saidEn}`,
			},
			{ cause: error, action },
		);
	}
	if (error.status >= 500 && !error.response) {
		return new PublishError(
			{
				fr: `Impossible de joindre l’API GitHub en voulant ${doing.fr} ; vérifiez GITHUB_API_URL.${said}`,
				en: `Could not reach the GitHub API while trying to ${doing.en}; check GITHUB_API_URL.${saidEn}`,
			},
			{ cause: error, action },
		);
	}
	return new PublishError(
		{
			fr: `GitHub a refusé de ${doing.fr}.${said}`,
			en: `GitHub refused to ${doing.en}.${saidEn}`,
		},
		{ cause: error, action },
	);
}

/** Whether a 403 or 429 is GitHub's API rate limit rather than a missing permission. */
function isRateLimited(error: GitHubRequestError): boolean {
	if (error.status === 429) return true;
	return error.status === 403 && String(error.response?.headers?.['x-ratelimit-remaining']) === '0';
}

/** Runs a GitHub call and rethrows any failure as a {@link PublishError} for that action. */
export async function explainFailure<T>(action: GitHubAction, call: () => Promise<T>): Promise<T> {
	try {
		return await call();
	} catch (error) {
		throw describeGitHubError(error, action);
	}
}

/**
 * What a job's failure annotation says: a publish error in both languages, else the error's
 * stack (or whatever was thrown).
 */
export function failureMessage(error: unknown): string {
	if (error instanceof PublishError) return `${error.bilingual.en}\n${error.bilingual.fr}`;
	return error instanceof Error ? (error.stack ?? error.message) : String(error);
}
