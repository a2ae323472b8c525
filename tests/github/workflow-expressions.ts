/**
 * Evaluates a workflow's expressions (a job's `if:`, `concurrency.group`) with GitHub's own
 * evaluator (`@actions/expressions`, from actions/languageservices) on an event payload, so that
 * a test shows what an event starts rather than which words the YAML holds. Status functions
 * (`success()`, `cancelled()`) belong to the runner and are not evaluated here.
 * @see https://docs.github.com/en/actions/reference/workflows-and-actions/expressions
 */
import { Evaluator, Lexer, Parser, data } from '@actions/expressions';
import { truthy } from '@actions/expressions/result';

/** The contexts a test gives: the event and its name, the run id, the manual run's inputs. */
export interface ExpressionContext {
	eventName: string;
	event: Record<string, unknown>;
	inputs?: Record<string, unknown>;
	runId?: number;
}

function evaluate(expression: string, context: ExpressionContext): data.ExpressionData {
	// A job's `if:` may be bare; elsewhere the expression is wrapped in `${{ }}`.
	const bare = /^\s*\$\{\{([\s\S]*)\}\}\s*$/.exec(expression)?.[1] ?? expression;
	const tree = new Parser(new Lexer(bare).lex().tokens, ['github', 'inputs'], []).parse();
	const contexts = JSON.parse(
		JSON.stringify({
			github: {
				event_name: context.eventName,
				event: context.event,
				run_id: String(context.runId ?? 1),
			},
			inputs: context.inputs ?? {},
		}),
		data.reviver,
	) as data.Dictionary;
	return new Evaluator(tree, contexts).evaluate();
}

/** Whether `expression` holds in `context`, as GitHub reads a job's `if:`. */
export function holds(expression: string, context: ExpressionContext): boolean {
	return truthy(evaluate(expression, context));
}

/** The text `expression` gives in `context`, as GitHub reads a concurrency group. */
export function evaluateToString(expression: string, context: ExpressionContext): string {
	return evaluate(expression, context).coerceString();
}
