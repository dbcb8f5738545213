import ts from '../project/typescript.cjs';
import { skipOuterExpressions } from '../project/lexical-scope.js';

/**
 * Receivers that write to a log: `log.warn`, `logger.info`, `console.error`, `req.log.info`; and the metrics such a
 * collector counts its reports in (`metrics.inc('client-side-error')`, `statsd.increment(…)`).
 */
const LOG_RECEIVER = /^(?:log|logger|console|metrics|statsd|stats)$/i;
/** Calls that answer the request: `res.status(200).send()`, `reply.code(204).send()`, `res.sendStatus(204)`, `res.end()`. */
const ANSWER_METHODS = new Set(['status', 'code', 'send', 'json', 'end', 'sendStatus']);

/**
 * Whether a handler only writes what it is sent to the log and answers (a client-error collector such as
 * `POST /api/log`): every call it makes logs or answers, and one of them logs. It changes no one's data.
 */
export function onlyLogsAndAnswers(fn: ts.Node): boolean {
  if (!ts.isFunctionLike(fn)) return false;
  const body = (fn as ts.FunctionLikeDeclaration).body;
  if (!body) return false;
  let logs = false;
  let other = false;
  const visit = (node: ts.Node): void => {
    if (other) return;
    if (ts.isCallExpression(node)) {
      const callee = skipOuterExpressions(node.expression);
      if (!ts.isPropertyAccessExpression(callee)) {
        other = true;
        return;
      }
      if (isLogReceiver(callee.expression)) logs = true;
      else if (!ANSWER_METHODS.has(callee.name.text)) other = true;
    }
    ts.forEachChild(node, visit);
  };
  visit(body);
  return logs && !other;
}

/** `log`, `logger`, `req.log`, `this.logger`: the last name of the receiver is a logger's. */
function isLogReceiver(expression: ts.Expression): boolean {
  const target = skipOuterExpressions(expression);
  if (ts.isIdentifier(target)) return LOG_RECEIVER.test(target.text);
  return ts.isPropertyAccessExpression(target) && LOG_RECEIVER.test(target.name.text);
}
