/**
 * The kit's own commands, for the teams who adopt it:
 * - `npm run kit -- init [--name-fr … --name-en … --website … --contact … --site-url …
 *   [--base /sub] --owner … --repository … [--maintainers @org/team] [--no-ai]]`: makes a fork
 *   the organisation's (questions for what the flags leave out); see src/kit/init.ts.
 * - `npm run kit -- upgrade [--from URL] [--ref main]`: takes a kit release into the fork (the
 *   `upstream` remote by default); see src/kit/upgrade.ts and the "Take kit updates" page.
 * - `npm run kit -- generate [--check]`: rewrites the files generated from `registre.config.yml`
 *   and the schemas (issue forms, CODEOWNERS); with `--check`, exits 1 naming the stale ones.
 */
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';

const usage = `usage: npm run kit -- init [--name-fr NAME --name-en NAME [--article-fr la --article-en the]
                            --website URL --contact EMAIL
                            --site-url URL [--base /PATH] [--languages en,fr]
                            --owner OWNER --repository NAME
                            [--maintainers @org/team] [--no-ai] --dpo EMAIL --address TEXT
                            --phone TEXT --identifier 'SIREN 216901231' --director NAME
                            --director-role-fr TEXT --director-role-en TEXT]
       npm run kit -- upgrade [--from URL] [--ref BRANCH]
       npm run kit -- generate [--check]`;

const text = { type: 'string' } as const;
let parsed;
try {
	parsed = parseArgs({
		options: {
			check: { type: 'boolean', default: false },
			'name-fr': text,
			'name-en': text,
			'article-fr': text,
			'article-en': text,
			website: text,
			contact: text,
			'site-url': text,
			base: text,
			languages: text,
			owner: text,
			repository: text,
			maintainers: text,
			dpo: text,
			address: text,
			phone: text,
			identifier: text,
			director: text,
			'director-role-fr': text,
			'director-role-en': text,
			'no-ai': { type: 'boolean', default: false },
			from: text,
			ref: text,
			help: { type: 'boolean', default: false },
		},
		allowPositionals: true,
		strict: true,
	});
} catch (error) {
	console.error(`${(error as Error).message}\n${usage}`);
	process.exit(1);
}
const { values, positionals } = parsed;
const [command] = positionals;

if (values.help || command === undefined) {
	console.log(usage);
} else if (command === 'generate') {
	await generate(values.check);
} else if (command === 'init') {
	await init();
} else if (command === 'upgrade') {
	await upgrade();
} else {
	console.error(`unknown command "${command}"\n${usage}`);
	process.exitCode = 1;
}

async function generate(check: boolean) {
	// Loaded here: the configuration is read when these modules load.
	const { loadSiteConfig } = await import('../src/config/load.ts');
	const { registryDir } = await import('../src/config/site.ts');
	const { generateCommand, staleGeneratedFiles, writeGeneratedFiles } =
		await import('../src/kit/generated.ts');
	const config = loadSiteConfig();
	if (!check) {
		for (const path of await writeGeneratedFiles(registryDir, config)) console.log(`wrote ${path}`);
		return;
	}
	const stale = await staleGeneratedFiles(registryDir, config);
	if (stale.length === 0) {
		console.log('Generated files are up to date.');
		return;
	}
	console.error(
		`${stale.length === 1 ? 'One generated file is' : `${stale.length} generated files are`} out of date with registre.config.yml and the schemas — run \`${generateCommand}\` and commit:\n${stale.map((path) => `  ${path}`).join('\n')}\n(fichiers générés périmés : lancez \`${generateCommand}\` et validez-les)`,
	);
	process.exitCode = 1;
}

async function init() {
	const { initKit, InitError } = await import('../src/kit/init.ts');
	const ask = asker();
	const articles = { fr: ['le', 'la', 'les', 'l’', ''], en: ['the', ''] } as const;
	const given = { fr: values['article-fr'], en: values['article-en'] };
	const article =
		given.fr === undefined && given.en === undefined
			? undefined
			: {
					fr: articles.fr.find((word) => word === (given.fr ?? '')) ?? '',
					en: articles.en.find((word) => word === (given.en ?? '')) ?? '',
				};
	try {
		const answers = {
			name: {
				fr: await ask(
					values['name-fr'],
					'Nom de l’organisation, en français / Organisation name, in French',
				),
				en: await ask(
					values['name-en'],
					'Nom de l’organisation, en anglais / Organisation name, in English',
				),
			},
			...(article && { article }),
			website: await ask(
				values.website,
				'Site de l’organisation / Organisation website (https://…)',
			),
			contactEmail: await ask(
				values.contact,
				'Adresse de contact du registre / Registry contact email',
			),
			siteUrl: await ask(
				values['site-url'],
				'Adresse du site publié, sans chemin / Published site address, no path (https://…)',
			),
			...(values.base && { base: values.base }),
			...(values.languages && { languages: languagesOf(values.languages) }),
			owner: await ask(values.owner, 'Propriétaire du dépôt GitHub / GitHub repository owner'),
			repository: await ask(values.repository, 'Nom du dépôt GitHub / GitHub repository name'),
			...(values.maintainers && { maintainers: values.maintainers }),
			ai: !values['no-ai'],
			legal: {
				dpoEmail: await ask(
					values.dpo,
					'Adresse du délégué à la protection des données / DPO email',
				),
				address: await ask(
					values.address,
					'Adresse du siège, sur une ligne / Head office address, one line',
				),
				phone: await ask(values.phone, 'Téléphone du standard / Switchboard phone'),
				identifier: identifierOf(
					await ask(
						values.identifier,
						'Identifiant officiel, ex. « SIREN 216901231 » / Official identifier',
					),
				),
				director: {
					name: await ask(
						values.director,
						'Directeur ou directrice de la publication / Publication director',
					),
					role: {
						fr: await ask(
							values['director-role-fr'],
							'Sa fonction, en français / Their role, in French',
						),
						en: await ask(
							values['director-role-en'],
							'Sa fonction, en anglais / Their role, in English',
						),
					},
				},
			},
		};
		const { written, toComplete } = await initKit(process.cwd(), answers);
		for (const path of written) console.log(`wrote ${path}`);
		// The site, the forms and CODEOWNERS now follow the organisation's configuration.
		const child = await import('node:child_process');
		child.execFileSync(process.execPath, [new URL(import.meta.url).pathname, 'generate'], {
			stdio: 'inherit',
		});
		if (answers.ai) {
			console.log(
				'\nReview registry/systems/assistant-redaction-registre.mdx, your first entry: where the model runs (generativeAi.hosting), whether your provider trains on the inputs (generativeAi.inputsUsedForTraining), and the team in charge.\n(relisez votre première fiche : hébergement du modèle, réutilisation des données pour l’entraînement, équipe responsable)',
			);
		}
		if (toComplete.length > 0) {
			console.log(
				`\nStill the sample's, to replace in registre.config.yml before publishing (the build refuses them):\n${toComplete.map((problem) => `  ${problem.path}:${problem.line}: ${problem.field}`).join('\n')}`,
			);
		}
	} catch (error) {
		if (!(error instanceof InitError)) throw error;
		console.error(error.message);
		process.exitCode = 1;
	} finally {
		ask.close();
	}
}

async function upgrade() {
	const { upgradeKit } = await import('../src/kit/upgrade.ts');
	const from = values.from ?? 'upstream';
	const { conflicts, regenerated } = await upgradeKit(process.cwd(), {
		from,
		...(values.ref && { ref: values.ref }),
	});
	if (conflicts.length > 0) {
		console.error(
			`The update conflicts in files of the kit that this fork changed; resolve them, then commit:\n${conflicts.map((path) => `  ${path}`).join('\n')}\n(la mise à jour entre en conflit avec des fichiers du kit modifiés ici : résolvez-les puis validez)`,
		);
		process.exitCode = 1;
		return;
	}
	console.log(
		`Kit updated from ${from}${regenerated ? '; the generated files were made again and committed' : ''}. Run npm test, then push.`,
	);
}

/** `--languages en,fr` as a list; the configuration's schema checks each code. */
function languagesOf(answer: string): string[] {
	return answer.split(/[\s,]+/).filter(Boolean);
}

/** `SIREN 216901231` as a scheme and a value. */
function identifierOf(answer: string) {
	const [scheme = '', ...value] = answer.trim().split(/\s+/);
	return { scheme, value: value.join('') };
}

/** Takes a flag's value, or asks for it when the terminal can answer; refuses otherwise. */
function asker() {
	const terminal = process.stdin.isTTY
		? createInterface({ input: process.stdin, output: process.stdout })
		: undefined;
	const ask = async (given: string | undefined, question: string): Promise<string> => {
		if (given) return given;
		if (!terminal) throw new Error(`missing answer: ${question}\n${usage}`);
		const answer = (await terminal.question(`${question} : `)).trim();
		return answer || ask(undefined, question);
	};
	return Object.assign(ask, { close: () => terminal?.close() });
}
