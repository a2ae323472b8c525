import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { countTokens } from 'gpt-tokenizer/encoding/o200k_base';

/**
 * An OpenAI-compatible Chat Completions server on 127.0.0.1 for the drafting tests: each test
 * scripts the replies, in order, and reads back every request exactly as it arrived.
 */

/** One scripted reply. */
export type StubReply =
	| { status: number; body: unknown; headers?: Record<string, string> }
	/** Never answers: the client's timeout has to fire. */
	| { hang: true }
	/** Made from the request, e.g. to count its tokens. */
	| ((request: RecordedRequest) => StubReply);

/** A request as the stub received it. */
export interface RecordedRequest {
	method: string;
	path: string;
	headers: IncomingHttpHeaders;
	body: Record<string, unknown>;
}

/** A running stub. */
export interface OpenAiStub {
	/** Base URL to give the client, ending in `/v1`. */
	url: string;
	requests: RecordedRequest[];
	close(): Promise<void>;
}

const noReply: StubReply = {
	status: 500,
	body: { error: { message: 'stub: no reply scripted for this request' } },
	headers: { 'x-should-retry': 'false' },
};

/** Starts a stub that answers the n-th request with `replies[n]`, and 500 once they run out. */
export async function startStub(replies: StubReply[]): Promise<OpenAiStub> {
	const requests: RecordedRequest[] = [];
	const hanging = new Set<ServerResponse>();
	const server = createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => {
			const text = Buffer.concat(chunks).toString('utf8');
			requests.push({
				method: req.method ?? '',
				path: req.url ?? '',
				headers: req.headers,
				body: text ? (JSON.parse(text) as Record<string, unknown>) : {},
			});
			const request = requests.at(-1) as RecordedRequest;
			let reply = replies[requests.length - 1] ?? noReply;
			while (typeof reply === 'function') reply = reply(request);
			if ('hang' in reply) {
				hanging.add(res);
				return;
			}
			res.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers });
			res.end(typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body));
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}/v1`,
		requests,
		close: () =>
			new Promise<void>((resolve) => {
				for (const res of hanging) res.destroy();
				server.closeAllConnections();
				server.close(() => resolve());
			}),
	};
}

/** Options of a scripted completion. */
export interface CompletionOptions {
	finishReason?: 'stop' | 'length' | 'content_filter';
	refusal?: string;
	usage?: Record<string, unknown>;
}

/** A Chat Completions answer carrying `content` (a string, or a value to serialise). */
export function completion(content: unknown, options: CompletionOptions = {}): StubReply {
	return {
		status: 200,
		body: {
			id: 'chatcmpl-stub',
			object: 'chat.completion',
			created: 1_700_000_000,
			model: 'stub-model',
			choices: [
				{
					index: 0,
					finish_reason: options.finishReason ?? 'stop',
					logprobs: null,
					message: {
						role: 'assistant',
						content:
							options.refusal !== undefined
								? null
								: typeof content === 'string'
									? content
									: JSON.stringify(content),
						refusal: options.refusal ?? null,
					},
				},
			],
			usage: options.usage ?? { prompt_tokens: 1200, completion_tokens: 400, total_tokens: 1600 },
		},
	};
}

/**
 * A completion whose usage is counted as OpenAI would: the o200k_base tokens of every message
 * (plus the usual 3 per message and 3 to prime the answer) and of the response schema.
 */
export function countedCompletion(content: unknown): StubReply {
	return (request) => {
		const messages = (request.body['messages'] ?? []) as { content: string }[];
		const schema = request.body['response_format'];
		const prompt =
			messages.reduce((total, message) => total + countTokens(message.content) + 3, 3) +
			countTokens(JSON.stringify(schema ?? ''));
		const answer = countTokens(typeof content === 'string' ? content : JSON.stringify(content));
		return completion(content, {
			usage: { prompt_tokens: prompt, completion_tokens: answer, total_tokens: prompt + answer },
		});
	};
}

/** An API error reply; `retry-after-ms` keeps the SDK's backoff short in tests. */
export function apiError(status: number, message = 'stub error'): StubReply {
	return {
		status,
		body: { error: { message, type: 'stub_error', code: null, param: null } },
		headers: { 'retry-after-ms': '5' },
	};
}
