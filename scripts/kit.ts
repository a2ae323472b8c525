/**
 * `npm run kit -- generate [--check]`: rewrites the files generated from `registre.config.yml`
 * and the schemas (issue forms, `.github/CODEOWNERS`); with `--check`, changes nothing and exits 1
 * naming the stale ones and the command to run. See src/kit/.
 */
import { parseArgs } from 'node:util';
import { loadSiteConfig } from '../src/config/load.ts';
import { registryDir } from '../src/config/site.ts';
import { generateCommand, staleGeneratedFiles, writeGeneratedFiles } from '../src/kit/generated.ts';

const usage = 'usage: npm run kit -- generate [--check]';

let parsed;
try {
	parsed = parseArgs({
		options: {
			check: { type: 'boolean', default: false },
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
	const config = loadSiteConfig();
	if (values.check) {
		const stale = await staleGeneratedFiles(registryDir, config);
		if (stale.length > 0) {
			console.error(
				`${stale.length === 1 ? 'One generated file is' : `${stale.length} generated files are`} out of date with registre.config.yml and the schemas — run \`${generateCommand}\` and commit:\n${stale.map((path) => `  ${path}`).join('\n')}\n(fichiers générés périmés : lancez \`${generateCommand}\` et validez-les)`,
			);
			process.exitCode = 1;
		} else {
			console.log('Generated files are up to date.');
		}
	} else {
		for (const path of await writeGeneratedFiles(registryDir, config)) console.log(`wrote ${path}`);
	}
} else {
	console.error(`unknown command "${command}"\n${usage}`);
	process.exitCode = 1;
}
