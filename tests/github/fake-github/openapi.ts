/**
 * GitHub's published REST description (`@octokit/openapi`), used by the fake server to check that
 * every request the real Octokit sends is one GitHub documents: a known method and path, declared
 * query parameters with valid values, and a JSON body valid against the operation's schema.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';

const require = createRequire(import.meta.url);

type Schema = Record<string, unknown>;

interface Parameter {
	name: string;
	in: 'path' | 'query' | 'header' | 'cookie';
	required?: boolean;
	schema?: Schema;
	'x-multi-segment'?: boolean;
}

interface OperationObject {
	operationId: string;
	parameters?: (Parameter | { $ref: string })[];
	requestBody?: {
		required?: boolean;
		content?: Record<string, { schema?: Schema }>;
	};
}

interface Spec {
	paths: Record<string, Record<string, unknown>>;
	components: Record<string, Record<string, unknown>>;
}

/** One documented operation. */
export interface Operation {
	method: string;
	template: string;
	operationId: string;
	segments: string[];
	parameters: Parameter[];
	requestBody: OperationObject['requestBody'];
}

/** A request matched to its operation, with its decoded path parameters. */
export interface RouteMatch {
	operation: Operation;
	params: Record<string, string>;
}

const methods = ['get', 'post', 'put', 'patch', 'delete'];

// ajv-formats is CommonJS with a default export; under Node's ESM it arrives wrapped.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ??
	addFormatsModule) as (ajv: Ajv) => Ajv;

let shared: GitHubRestDescription | undefined;

/** The description, parsed once per test file (13 MB of JSON). */
export function gitHubRestDescription(): GitHubRestDescription {
	shared ??= new GitHubRestDescription();
	return shared;
}

/** The REST description of api.github.com, indexed for matching and validation. */
export class GitHubRestDescription {
	readonly operations: Operation[] = [];
	readonly version: string;
	private readonly spec: Spec;
	private readonly ajv: Ajv;
	private readonly bodyValidators = new Map<string, ValidateFunction>();

	constructor(path = require.resolve('@octokit/openapi/generated/api.github.com.json')) {
		this.spec = JSON.parse(readFileSync(path, 'utf8')) as Spec;
		this.version = String((this.spec as unknown as { info: { version: string } }).info.version);
		for (const [template, item] of Object.entries(this.spec.paths)) {
			const shared = (item.parameters ?? []) as OperationObject['parameters'];
			for (const method of methods) {
				const operation = item[method] as OperationObject | undefined;
				if (!operation) continue;
				this.operations.push({
					method: method.toUpperCase(),
					template,
					operationId: operation.operationId,
					segments: template.split('/').slice(1),
					parameters: [...(shared ?? []), ...(operation.parameters ?? [])].map((parameter) =>
						this.resolve<Parameter>(parameter),
					),
					requestBody: operation.requestBody && this.resolve(operation.requestBody),
				});
			}
		}
		// OpenAPI 3.0 schemas: `nullable`, `example` and friends are not JSON Schema keywords.
		this.ajv = new Ajv({ strict: false, allErrors: true });
		addFormats(this.ajv);
		for (const format of ['int32', 'int64', 'double', 'repo.nwo', 'binary', 'timestamp']) {
			this.ajv.addFormat(format, true);
		}
		this.ajv.addSchema({ components: typedNullables(this.spec.components) }, 'github');
	}

	private resolve<T>(value: T | { $ref: string }): T {
		const ref = (value as { $ref?: string }).$ref;
		if (!ref) return value as T;
		const [, group, name] = /^#\/components\/([^/]+)\/(.+)$/.exec(ref) ?? [];
		const target = group && name ? this.spec.components[group]?.[name] : undefined;
		if (!target) throw new Error(`unresolvable $ref ${ref}`);
		return this.resolve(target as T | { $ref: string });
	}

	/** The operation a request is for, or `undefined` when GitHub documents no such route. */
	match(method: string, pathname: string): RouteMatch | undefined {
		const segments = pathname.split('/').slice(1);
		let best: RouteMatch | undefined;
		for (const operation of this.operations) {
			if (operation.method !== method) continue;
			const params = matchSegments(operation, segments);
			if (!params) continue;
			// Prefer the template with the most literal segments (`/pulls/comments` over `/pulls/{n}`).
			if (!best || literalCount(operation) > literalCount(best.operation)) {
				best = { operation, params };
			}
		}
		return best;
	}

	/** Problems with a request's parameters and body against its operation; none means valid. */
	validate(match: RouteMatch, query: URLSearchParams, body: unknown, hasBody: boolean): string[] {
		const { operation } = match;
		const where = `${operation.method} ${operation.template} (${operation.operationId})`;
		const problems: string[] = [];
		for (const parameter of operation.parameters) {
			if (parameter.in === 'path') {
				const value = match.params[parameter.name];
				if (value === undefined || value === '') {
					problems.push(`${where}: missing path parameter ${parameter.name}`);
				} else {
					problems.push(...this.checkValue(where, parameter, value));
				}
			}
			if (parameter.in === 'query') {
				const value = query.get(parameter.name);
				if (value === null) {
					if (parameter.required)
						problems.push(`${where}: missing query parameter ${parameter.name}`);
				} else {
					problems.push(...this.checkValue(where, parameter, value));
				}
			}
		}
		const declared = new Set(
			operation.parameters.filter((p) => p.in === 'query').map((p) => p.name),
		);
		for (const name of query.keys()) {
			if (!declared.has(name)) problems.push(`${where}: undocumented query parameter ${name}`);
		}
		const schema = operation.requestBody?.content?.['application/json']?.schema;
		if (!hasBody) {
			if (operation.requestBody?.required) problems.push(`${where}: missing request body`);
			return problems;
		}
		if (!schema) {
			problems.push(`${where}: sends a body the operation does not take`);
			return problems;
		}
		// GitHub ignores unknown top-level fields; a typo there would silently do nothing, so flag it.
		const properties = schema.properties as Record<string, unknown> | undefined;
		if (properties && typeof body === 'object' && body !== null && !Array.isArray(body)) {
			for (const key of Object.keys(body)) {
				if (!(key in properties)) problems.push(`${where}: undocumented body property ${key}`);
			}
		}
		const validateBody = this.bodyValidator(operation.operationId, schema);
		if (!validateBody(body)) {
			for (const error of validateBody.errors ?? []) {
				problems.push(`${where}: body${error.instancePath} ${error.message ?? 'is invalid'}`);
			}
		}
		return problems;
	}

	private checkValue(where: string, parameter: Parameter, raw: string): string[] {
		if (!parameter.schema) return [];
		const type = parameter.schema.type;
		let value: unknown = raw;
		if (type === 'integer' || type === 'number') value = Number(raw);
		if (type === 'boolean') value = raw === 'true' ? true : raw === 'false' ? false : raw;
		const validate = this.ajv.compile(withGitHubRefs(parameter.schema));
		if (validate(value)) return [];
		return [
			`${where}: ${parameter.in} parameter ${parameter.name}=${raw} ${validate.errors?.[0]?.message}`,
		];
	}

	private bodyValidator(operationId: string, schema: Schema): ValidateFunction {
		let validate = this.bodyValidators.get(operationId);
		if (!validate) {
			validate = this.ajv.compile(withGitHubRefs(typedNullables(schema)));
			this.bodyValidators.set(operationId, validate);
		}
		return validate;
	}
}

function literalCount(operation: Operation): number {
	return operation.segments.filter((segment) => !segment.startsWith('{')).length;
}

function matchSegments(
	operation: Operation,
	segments: string[],
): Record<string, string> | undefined {
	const params: Record<string, string> = {};
	const template = operation.segments;
	for (let index = 0; index < template.length; index++) {
		const part = template[index] ?? '';
		// A segment with several parameters, as `compare/{base}...{head}`.
		if (/\}.+\{/.test(part)) {
			const names: string[] = [];
			const pattern = part
				.split(/(\{\w+\})/)
				.map((piece) => {
					const inner = /^\{(\w+)\}$/.exec(piece)?.[1];
					if (!inner) return piece.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
					names.push(inner);
					return '(.+?)';
				})
				.join('');
			let decoded: string;
			try {
				decoded = decodeURIComponent(segments[index] ?? '');
			} catch {
				return undefined;
			}
			const found = new RegExp(`^${pattern}$`).exec(decoded);
			if (!found) return undefined;
			names.forEach((inner, at) => (params[inner] = found[at + 1] ?? ''));
			continue;
		}
		const name = /^\{(.+)\}$/.exec(part)?.[1];
		if (!name) {
			if (segments[index] !== part) return undefined;
			continue;
		}
		const isLast = index === template.length - 1;
		const multi = operation.parameters.some((p) => p.name === name && p['x-multi-segment']);
		const value = isLast && multi ? segments.slice(index).join('/') : (segments[index] ?? '');
		if (value === '') return undefined;
		try {
			params[name] = decodeURIComponent(value);
		} catch {
			return undefined;
		}
		if (isLast && multi) return params;
	}
	return segments.length === template.length ? params : undefined;
}

/**
 * OpenAPI 3.0's `nullable: true` as JSON Schema where Ajv cannot read it, beside no `type`
 * (`issues/create`'s `milestone`: `oneOf` a string or a number, or null).
 */
function typedNullables(value: unknown): never {
	if (Array.isArray(value)) return value.map(typedNullables) as never;
	if (typeof value !== 'object' || value === null) return value as never;
	const entries = Object.entries(value).map(([key, inner]) => [key, typedNullables(inner)]);
	const schema = Object.fromEntries(entries) as Record<string, unknown>;
	if (schema.nullable !== true || 'type' in schema) return schema as never;
	const rest = Object.fromEntries(Object.entries(schema).filter(([key]) => key !== 'nullable'));
	return { anyOf: [rest, { type: 'null' }] } as never;
}

/** A schema whose `#/components/…` references point into the registered description. */
function withGitHubRefs(schema: unknown): Schema {
	return JSON.parse(
		JSON.stringify(schema).replace(/"\$ref":"#\/components\//g, '"$ref":"github#/components/'),
	) as Schema;
}
