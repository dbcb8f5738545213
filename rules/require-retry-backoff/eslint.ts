import { AST_NODE_TYPES, ASTUtils, type TSESTree } from '@typescript-eslint/utils';
import { RETRY_CONFLICT_MARKERS, splitIdentifierWords } from '@redline/core';
import { findProperty, getCalleeName, getFunctionName, getMemberPath, getMemberPropertyName, getPropertyKeyName, getStaticKey, isFunctionNode, unwrapExpression } from '../utils/ast.js';
import { resolveObjectLiteral } from '../utils/resolve-object.js';
import { findNode, someNode, walkNodes } from '../utils/walk.js';
import { createRule } from '../utils/create-rule.js';
import { isTestFile } from '../utils/file-kind.js';

type Options = [{ minDelayMs: number; delayFunctions: string[] }];
type MessageIds = 'immediateRetry' | 'constantDelay' | 'libraryWithoutDelay';

type FunctionNode = TSESTree.FunctionDeclaration | TSESTree.FunctionExpression | TSESTree.ArrowFunctionExpression;
type LoopNode = TSESTree.ForStatement | TSESTree.WhileStatement | TSESTree.DoWhileStatement;

/** How the wait between attempts behaves. */
type DelayKind = 'none' | 'growing' | 'unknown' | { constant: number };

/** Callee names that pause: `await sleep(500)`, `await delay(ms)`, `await timer(ms)`, `await setTimeout(ms)` (timers/promises). */
const DELAY_NAMES = /^(?:sleep|msleep|delay|wait|pause|timer|timeout|setTimeout|waitFor|waitMs|sleepMs|delayMs|backoff)$/i;
const RANDOM_ID_CALLS = /^(?:randomUUID|randomBytes|randomInt|nanoid|uuid|v4|cuid|createId|ulid|random)$|^generate/;
const RETRY_LIBRARY_SOURCES: ReadonlySet<string> = new Set(['axios-retry', 'rxjs', 'rxjs/operators', 'p-retry', 'async-retry']);
/** First words of a call that looks something up: the loop around it polls for the answer. */
const LOOKUP_VERBS: ReadonlySet<string> = new Set(['get', 'find', 'load', 'lookup', 'read', 'query', 'list', 'search', 'poll', 'check', 'count']);
/** Properties of a result that hold when the call succeeded, and those that hold when it failed. */
const SUCCESS_PROPERTIES: ReadonlySet<string> = new Set(['ok', 'success', 'succeeded', 'successful']);
const FAILURE_PROPERTIES: ReadonlySet<string> = new Set(['error', 'errors', 'failed', 'failure']);
/** Words of a helper that says it checks for success (`isOk`, `isSuccessful`) or for a failure worth retrying (`isRetryable`, `isServerError`). */
const SUCCESS_WORDS: ReadonlySet<string> = new Set(['ok', 'success', 'successful', 'succeeded']);
const FAILURE_WORDS: ReadonlySet<string> = new Set(['retry', 'retryable', 'retriable', 'transient', 'fail', 'failed', 'failure', 'error', 'errors']);
const REDIRECT_WORDS: ReadonlySet<string> = new Set(['redirect', 'redirects', 'redirected', 'hop', 'hops']);
const COMPARISONS = new Set(['<', '<=', '>', '>=', '===', '==', '!==', '!=']);

export default createRule<Options, MessageIds>({
  name: 'require-retry-backoff',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require backoff between the attempts of a bounded retry around a network or external call',
      category: 'retry-without-backoff',
      cwe: ['CWE-400'],
      recommended: 'strict',
      severity: 'error',
      requiresTypeChecking: false,
    },
    messages: {
      immediateRetry:
        '{{retry}} retries `{{call}}` immediately after a failure, so every attempt lands on a service that is already struggling (and many callers retrying together keep it down); wait between attempts with exponential backoff and jitter, e.g. `await sleep(2 ** attempt * 200 + Math.random() * 100)`, or use p-retry.',
      constantDelay:
        '{{retry}} retries `{{call}}` after a constant {{delay}} ms, which hammers a struggling service at a steady rate instead of giving it room to recover; grow the delay with each attempt (exponential backoff) and add jitter.',
      libraryWithoutDelay:
        '`{{call}}` retries {{how}}, so every retry lands on a service that is already failing; {{fix}}.',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          minDelayMs: {
            type: 'number',
            minimum: 0,
            description: 'A constant delay at or above this many milliseconds between attempts is accepted.',
          },
          delayFunctions: {
            type: 'array',
            items: { type: 'string' },
            description: 'Extra names of your helpers that pause between attempts (their first argument is the delay in ms).',
          },
        },
      },
    ],
    defaultOptions: [{ minDelayMs: 1000, delayFunctions: [] }],
  },
  create(context, [options]) {
    // A flaky test that polls or retries costs CI time, not a production dependency.
    if (isTestFile(context.filename)) return {};
    const sourceCode = context.sourceCode;
    const extraDelayNames = new Set(options.delayFunctions);

    /** Local names imported or required from a retry library: a cheap filter before scope lookups. */
    const retryLibraryNames = new Set<string>();

    return {
      ImportDeclaration(node) {
        if (!RETRY_LIBRARY_SOURCES.has(node.source.value)) return;
        for (const specifier of node.specifiers) retryLibraryNames.add(specifier.local.name);
      },
      VariableDeclarator(node) {
        if (!node.init) return;
        const text = node.init.type === AST_NODE_TYPES.CallExpression || node.init.type === AST_NODE_TYPES.MemberExpression ? sourceCode.getText(node.init) : '';
        if (!/^require\(/.test(text)) return;
        if (node.id.type === AST_NODE_TYPES.Identifier) retryLibraryNames.add(node.id.name);
        if (node.id.type === AST_NODE_TYPES.ObjectPattern) {
          for (const property of node.id.properties) if (property.type === AST_NODE_TYPES.Property && property.value.type === AST_NODE_TYPES.Identifier) retryLibraryNames.add(property.value.name);
        }
      },
      'ForStatement, WhileStatement, DoWhileStatement'(loop: LoopNode) {
        checkLoop(loop);
      },
      CallExpression(call) {
        checkLibraryCall(call);
        checkRecursion(call);
      },
    };

    function checkLoop(loop: LoopNode): void {
      const counters = getBoundedCounters(loop);
      if (counters.size === 0) return;
      // Following redirects by hand goes round again on a 3xx answer, which is a success: not a retry.
      if (isRedirectFollowing(loop.body, counters)) return;
      // A counter used as an index or an argument walks items or pages; it is not an attempt number.
      if (isCounterUsedAsData(loop.body, counters)) return;
      const drained = getRetriedBatch(loop.body, counters);
      const operation = drained ?? getRetriedOperation(loop.body, counters);
      if (!operation) return;
      // A loop that changes the call's input each pass (a free name, the next page) searches; it does not retry.
      if (!drained && isInputChangedIn(operation, loop.body)) return;
      if (isDeliberateImmediateRetry(loop.body)) return;
      if (isPolling(operation, loop.body)) return;
      const delay = getDelayKind(loop.body, counters, (name) => isReassignedIn(loop, name));
      report(loop, delay, operation, `This \`${loop.type === AST_NODE_TYPES.ForStatement ? 'for' : loop.type === AST_NODE_TYPES.WhileStatement ? 'while' : 'do…while'}\` loop`);
    }

    /**
     * A function that calls itself again on failure with an attempt argument
     * that moves towards a bound: `return fetchWithRetry(url, retries - 1)` in
     * a `catch`, with `if (retries <= 0) throw err` (or `attempt >= max`) guarding it.
     */
    function checkRecursion(call: TSESTree.CallExpression): void {
      // Cheap shape check first: a self-retry passes `n - 1`, `n + 1`, `--n` or `n++`.
      if (!call.arguments.some((argument) => argument.type === AST_NODE_TYPES.BinaryExpression || argument.type === AST_NODE_TYPES.UpdateExpression)) return;
      const fn = getSelfTarget(call);
      if (!fn) return;
      const attemptParams = new Set<string>();
      call.arguments.forEach((argument, index) => {
        const param = fn.params[index];
        const name = param ? getParamName(param) : undefined;
        if (name !== undefined && isStep(argument, name)) attemptParams.add(name);
      });
      if (attemptParams.size === 0 || !isComparedIn(fn.body, attemptParams)) return;
      // `statFile(path.dirname(filename), limit - 1)` after ENOENT asks about something else: a walk up, not a retry.
      if (asksAboutSomethingElse(call, fn, attemptParams)) return;
      if (!isOnFailurePath(call, fn)) return;
      if (movesOnAfterSuccessToo(call, fn)) return;
      // A self-call in a `catch` retries what its `try` awaited; a `try` that awaits nothing failed on local work
      // (`JSON.parse` of a cached value), which no wait between attempts would help.
      const failedTry = getEnclosingTry(call, fn);
      const operation = failedTry
        ? findAwaitedOperation(failedTry.block, attemptParams, call, true)
        : findAwaitedOperation(fn.body, attemptParams, call, true) ?? getPromiseChainRoot(call);
      if (!operation) return;
      if (isDeliberateImmediateRetry(fn.body)) return;
      // A delay parameter passed on changed (`delay * 2`) grows between calls.
      const changedParams = new Set<string>();
      call.arguments.forEach((argument, index) => {
        const param = fn.params[index];
        const name = param ? getParamName(param) : undefined;
        if (name === undefined) return;
        const value = unwrapExpression(argument);
        if (!(value.type === AST_NODE_TYPES.Identifier && value.name === name)) changedParams.add(name);
      });
      const delay = getDelayKind(fn.body, attemptParams, (name) => changedParams.has(name));
      const name = getFunctionName(fn) ?? 'This function';
      report(call, delay, operation, name === 'This function' ? name : `\`${name}\``);
    }

    /** Whether the self-call passes a computed value (not the parameter itself) for what the function works on. */
    function asksAboutSomethingElse(call: TSESTree.CallExpression, fn: FunctionNode, attemptParams: ReadonlySet<string>): boolean {
      return call.arguments.some((argument, index) => {
        const param = fn.params[index];
        const name = param ? getParamName(param) : undefined;
        if (name === undefined || attemptParams.has(name) || DELAY_NAMES.test(name) || /delay|wait|backoff|timeout|interval/i.test(name)) return false;
        const value = unwrapExpression(argument);
        return value.type === AST_NODE_TYPES.CallExpression || value.type === AST_NODE_TYPES.MemberExpression;
      });
    }

    function report(node: TSESTree.Node, delay: DelayKind, operation: TSESTree.CallExpression, retry: string): void {
      const call = getCallLabel(operation);
      if (delay === 'none') {
        context.report({ node, loc: getHeadLoc(node), messageId: 'immediateRetry', data: { retry, call } });
      } else if (typeof delay === 'object' && delay.constant < options.minDelayMs) {
        context.report({ node, loc: getHeadLoc(node), messageId: 'constantDelay', data: { retry, call, delay: String(delay.constant) } });
      }
    }

    /**
     * Library retries without a delay: axios-retry without `retryDelay` (its
     * default waits 0 ms), RxJS `retry(n)` / `retry({ count })` without `delay`,
     * and p-retry/async-retry with `factor: 1` and a tiny `minTimeout`.
     */
    function checkLibraryCall(call: TSESTree.CallExpression): void {
      const callee = unwrapExpression(call.callee);
      if (callee.type !== AST_NODE_TYPES.Identifier || !retryLibraryNames.has(callee.name)) return;
      const binding = getImport(callee);
      if (!binding) return;
      const label = callee.name;
      if (binding.source === 'axios-retry' && (binding.imported === 'default' || binding.imported === '*')) {
        const config = call.arguments[1] ? resolveObjectLiteral(call.arguments[1], sourceCode) : undefined;
        if (call.arguments[1] && !config) return;
        if (config && hasUnknownProperties(config)) return;
        const retryDelay = config ? findProperty(config, 'retryDelay') : undefined;
        if (retryDelay) {
          const value = getConstantReturn(retryDelay.value);
          if (value === undefined || value >= options.minDelayMs) return;
        }
        context.report({
          node: call,
          messageId: 'libraryWithoutDelay',
          data: {
            call: label,
            how: retryDelay ? 'after a constant tiny delay' : 'with no delay (axios-retry waits 0 ms unless told otherwise)',
            fix: 'set `retryDelay: axiosRetry.exponentialDelay`',
          },
        });
        return;
      }
      if ((binding.source === 'rxjs' || binding.source === 'rxjs/operators') && binding.imported === 'retry') {
        const [argument] = call.arguments;
        if (!argument) return; // `retry()` retries forever: no-unbounded-retry's finding.
        const value = unwrapExpression(argument);
        if (value.type === AST_NODE_TYPES.Literal && typeof value.value === 'number') {
          context.report({
            node: call,
            messageId: 'libraryWithoutDelay',
            data: { call: `${label}(${value.value})`, how: 'the moment the source errors', fix: 'pass `{ count, delay: (error, attempt) => timer(2 ** attempt * 200) }`' },
          });
          return;
        }
        const config = resolveObjectLiteral(value, sourceCode);
        if (!config || hasUnknownProperties(config) || !findProperty(config, 'count')) return;
        const delay = findProperty(config, 'delay');
        if (delay) {
          const delayValue = unwrapExpression(delay.value);
          if (!(delayValue.type === AST_NODE_TYPES.Literal && typeof delayValue.value === 'number' && delayValue.value < options.minDelayMs)) return;
        }
        context.report({
          node: call,
          messageId: 'libraryWithoutDelay',
          data: {
            call: label,
            how: delay ? 'after a constant tiny delay' : 'the moment the source errors',
            fix: 'make `delay` a function that grows with the retry count, e.g. `(error, attempt) => timer(2 ** attempt * 200)`',
          },
        });
        return;
      }
      if ((binding.source === 'p-retry' || binding.source === 'async-retry') && (binding.imported === 'default' || binding.imported === '*')) {
        const config = call.arguments[1] ? resolveObjectLiteral(call.arguments[1], sourceCode) : undefined;
        if (!config || hasUnknownProperties(config)) return;
        const factor = getNumber(findProperty(config, 'factor')?.value);
        const minTimeout = getNumber(findProperty(config, 'minTimeout')?.value);
        const randomize = findProperty(config, 'randomize')?.value;
        const randomized = randomize && unwrapExpression(randomize).type === AST_NODE_TYPES.Literal && (unwrapExpression(randomize) as TSESTree.Literal).value === true;
        if (factor === 1 && minTimeout !== undefined && minTimeout < options.minDelayMs && !randomized) {
          context.report({
            node: call,
            messageId: 'libraryWithoutDelay',
            data: { call: label, how: `every ${minTimeout} ms (\`factor: 1\` turns its backoff off)`, fix: 'drop `factor: 1` or set `factor: 2`' },
          });
        }
      }
    }

    /** Counters that bound the loop: updated by `++`/`--`/`+=`/`-=` in the loop and compared in its test or in an exiting `if`. */
    function getBoundedCounters(loop: LoopNode): Set<string> {
      const updated = new Set<string>();
      const compared = new Set<string>();
      const parts: TSESTree.Node[] = [loop.body];
      if (loop.type === AST_NODE_TYPES.ForStatement) {
        if (loop.update) parts.push(loop.update);
        if (loop.test) parts.push(loop.test);
      } else {
        parts.push(loop.test);
      }
      for (const part of parts) {
        walk(part, (node) => {
          if (node.type === AST_NODE_TYPES.UpdateExpression && node.argument.type === AST_NODE_TYPES.Identifier) {
            updated.add(node.argument.name);
          }
          if (
            node.type === AST_NODE_TYPES.AssignmentExpression &&
            (node.operator === '+=' || node.operator === '-=') &&
            node.left.type === AST_NODE_TYPES.Identifier
          ) {
            updated.add(node.left.name);
          }
          // `while (true) { … if (attempt >= max) throw err; … }`
          if (part === loop.body && node.type === AST_NODE_TYPES.IfStatement && exits(node.consequent)) collectCompared(node.test, compared);
        });
      }
      if (updated.size === 0) return updated;
      const test = loop.test ? unwrapExpression(loop.test) : undefined;
      if (test) collectCompared(test, compared);
      return new Set([...updated].filter((name) => compared.has(name)));
    }

    function isCounterUsedAsData(body: TSESTree.Node, counters: ReadonlySet<string>): boolean {
      let found = false;
      walk(body, (node) => {
        if (found) return;
        if (node.type === AST_NODE_TYPES.MemberExpression && node.computed && usesNames([node.property], counters)) found = true;
        if (node.type === AST_NODE_TYPES.CallExpression && !isDelayCall(node) && !isLogCall(node) && usesNames(node.arguments, counters)) {
          found = true;
        }
      });
      return found;
    }

    /**
     * The call a loop body retries, when the loop goes round again because it
     * failed: an awaited call inside a `try` whose block leaves the loop on
     * success (`return`/`break`) and whose `catch` lets the loop go on; or an
     * awaited result that an `if (res.ok) return` leaves on success, or that an
     * `if (res.status >= 500) { …; continue; }` sends round again. Calls that
     * take the counter as an argument walk pages or items (not a retry), so
     * they do not count.
     */
    function getRetriedOperation(body: TSESTree.Statement, counters: ReadonlySet<string>): TSESTree.CallExpression | undefined {
      let found: TSESTree.CallExpression | undefined;
      walk(body, (node) => {
        if (found) return;
        // A `catch` that always rethrows or returns ends the loop on failure.
        if (node.type === AST_NODE_TYPES.TryStatement && node.handler && containsExit(node.block) && !exits(node.handler.body)) {
          found = findAwaitedOperation(node.block, counters);
        }
      });
      if (found) return found;
      // Status-based retry: `const res = await fetch(url); if (res.ok) return res;`
      walk(body, (node) => {
        if (found || node.type !== AST_NODE_TYPES.VariableDeclarator || node.id.type !== AST_NODE_TYPES.Identifier || !node.init) return;
        const init = node.init.type === AST_NODE_TYPES.AwaitExpression ? unwrapExpression(node.init.argument) : undefined;
        if (init?.type !== AST_NODE_TYPES.CallExpression || isDelayCall(init) || usesNames(init.arguments, counters)) return;
        const name = node.id.name;
        walk(body, (inner) => {
          if (found || inner.type !== AST_NODE_TYPES.IfStatement) return;
          const outcome = getTestedOutcome(inner.test, name);
          if ((outcome === 'success' && exits(inner.consequent)) || (outcome === 'failure' && continues(inner.consequent))) found = init;
        });
      });
      return found;
    }

    /**
     * A loop that waits for something to appear (`const user = await loadByEmail(email); if (user) return user;
     * await sleep(1000)`): it goes round because the lookup found nothing yet, not because it failed, and a
     * steady interval is how one polls. A lookup is a call named for reading (`getSentMessageIds`,
     * `findPendingJob`), not a client's bare `get`; the loop leaves on what it found, not on a status.
     */
    function isPolling(operation: TSESTree.CallExpression, body: TSESTree.Statement): boolean {
      const words = splitIdentifierWords(getCalleeName(operation) ?? '');
      if (words.length < 2 || !LOOKUP_VERBS.has(words[0]!)) return false;
      let leavesOnFound = false;
      walk(body, (node) => {
        if (leavesOnFound || node.type !== AST_NODE_TYPES.IfStatement || !exits(node.consequent)) return;
        leavesOnFound = !someNode(node.test, (inner) => inner.type === AST_NODE_TYPES.Identifier &&
          (SUCCESS_PROPERTIES.has(inner.name) || FAILURE_PROPERTIES.has(inner.name) || /^status(?:Code)?$/.test(inner.name)), sourceCode.visitorKeys);
      });
      return leavesOnFound;
    }

    /**
     * A batch loop whose cursor moves on only when the call succeeded: the
     * `try` advances what the call is given (`countSuccess += items.length`
     * where `items = list.slice(countSuccess, …)`), while the `catch` counts the
     * failure in a bounding counter and goes round with the same input. That
     * is a retry of the same batch, however the loop is dressed.
     */
    function getRetriedBatch(body: TSESTree.Statement, counters: ReadonlySet<string>): TSESTree.CallExpression | undefined {
      let found: TSESTree.CallExpression | undefined;
      walk(body, (node) => {
        if (found || node.type !== AST_NODE_TYPES.TryStatement || !node.handler || exits(node.handler.body)) return;
        if (!isAssignedIn(node.handler.body, counters)) return;
        const operation = findAwaitedOperation(node.block, counters);
        if (!operation) return;
        const inputs = getInputNames(operation, body);
        if (isAssignedIn(node.block, inputs) && !isAssignedIn(node.handler.body, inputs)) found = operation;
      });
      return found;
    }

    /** An awaited call in `root` that is not a pause and does not take the counter (`fetch(url)`, `prisma.user.create(…)`). */
    function findAwaitedOperation(
      root: TSESTree.Node,
      counters: ReadonlySet<string>,
      skip?: TSESTree.Node,
      enterFunctions = false,
    ): TSESTree.CallExpression | undefined {
      let found: TSESTree.CallExpression | undefined;
      walk(
        root,
        (node) => {
          if (found || node.type !== AST_NODE_TYPES.AwaitExpression) return;
          const argument = unwrapExpression(node.argument);
          if (argument.type !== AST_NODE_TYPES.CallExpression || argument === skip) return;
          if (isDelayCall(argument) || usesNames(argument.arguments, counters)) return;
          found = argument;
        },
        enterFunctions,
      );
      return found;
    }

    /** `fetch(url).then(…).catch(() => retry(n - 1))` → `fetch(url)`. */
    function getPromiseChainRoot(call: TSESTree.Node): TSESTree.CallExpression | undefined {
      for (let current: TSESTree.Node | undefined = call.parent; current; current = current.parent) {
        if (isFunctionNode(current)) {
          const parent = current.parent;
          if (parent?.type !== AST_NODE_TYPES.CallExpression || (getCalleeName(parent) !== 'catch' && getCalleeName(parent) !== 'then')) return undefined;
          let chain: TSESTree.Node = parent;
          while (chain.type === AST_NODE_TYPES.CallExpression && chain.callee.type === AST_NODE_TYPES.MemberExpression) {
            const name = getCalleeName(chain);
            if (name !== 'then' && name !== 'catch' && name !== 'finally') return chain;
            chain = unwrapExpression(chain.callee.object);
          }
          return chain.type === AST_NODE_TYPES.CallExpression && !isDelayCall(chain) ? chain : undefined;
        }
      }
      return undefined;
    }

    /** How the pause between attempts behaves, from every delay in `root`. */
    function getDelayKind(root: TSESTree.Node, counters: ReadonlySet<string>, isGrowing: (name: string) => boolean): DelayKind {
      if (mentionsRetryAfter(root)) return 'unknown';
      // `await this.backoff.wait()`, `await policy.delay()`: a pause whose length is computed elsewhere.
      const delays: TSESTree.Node[] = [];
      let opaqueDelay = false;
      walk(
        root,
        (node) => {
          if (node.type !== AST_NODE_TYPES.CallExpression) return;
          if (isDelayCall(node)) {
            const ms = getDelayArgument(node);
            if (ms) delays.push(ms);
            else opaqueDelay = true;
          }
        },
        true,
      );
      if (opaqueDelay) return 'unknown';
      if (delays.length === 0) return 'none';
      let smallest: number | undefined;
      for (const ms of delays) {
        const kind = classifyDelay(ms, counters, isGrowing);
        if (kind === 'growing' || kind === 'unknown') return kind;
        if (typeof kind === 'object') smallest = smallest === undefined ? kind.constant : Math.min(smallest, kind.constant);
      }
      return smallest === undefined ? 'unknown' : { constant: smallest };
    }

    function classifyDelay(ms: TSESTree.Node, counters: ReadonlySet<string>, isGrowing: (name: string) => boolean): DelayKind {
      let kind: 'growing' | 'unknown' | undefined;
      walk(ms, (node) => {
        if (kind === 'growing') return;
        if (node.type === AST_NODE_TYPES.Identifier && node.parent.type !== AST_NODE_TYPES.MemberExpression) {
          if (counters.has(node.name) || isGrowing(node.name)) kind = 'growing';
        }
        if (node.type === AST_NODE_TYPES.MemberExpression && getMemberPath(node)?.join('.') === 'Math.random') kind = 'growing';
        if (node.type === AST_NODE_TYPES.CallExpression) {
          const path = getMemberPath(node.callee)?.join('.');
          if (path !== 'Math.min' && path !== 'Math.max' && path !== 'Math.random' && path !== 'Math.round' && path !== 'Math.floor') kind ??= 'unknown';
        }
      });
      if (kind) return kind;
      const value = evaluate(ms);
      return value === undefined ? 'unknown' : { constant: value };
    }

    /** The numeric value of a constant expression: literals, arithmetic, `const` names and parameter defaults. */
    function evaluate(node: TSESTree.Node): number | undefined {
      const expression = unwrapExpression(node);
      switch (expression.type) {
        case AST_NODE_TYPES.Literal:
          return typeof expression.value === 'number' ? expression.value : undefined;
        case AST_NODE_TYPES.BinaryExpression: {
          if (expression.left.type === AST_NODE_TYPES.PrivateIdentifier) return undefined;
          const left = evaluate(expression.left);
          const right = evaluate(expression.right);
          if (left === undefined || right === undefined) return undefined;
          switch (expression.operator) {
            case '+': return left + right;
            case '-': return left - right;
            case '*': return left * right;
            case '/': return left / right;
            case '**': return left ** right;
            default: return undefined;
          }
        }
        case AST_NODE_TYPES.CallExpression: {
          const path = getMemberPath(expression.callee)?.join('.');
          if (path !== 'Math.min' && path !== 'Math.max') return undefined;
          const values = expression.arguments.map((argument) => evaluate(argument));
          if (values.some((value) => value === undefined)) return undefined;
          return path === 'Math.min' ? Math.min(...(values as number[])) : Math.max(...(values as number[]));
        }
        case AST_NODE_TYPES.Identifier: {
          const variable = ASTUtils.findVariable(sourceCode.getScope(expression), expression);
          const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
          // `const { delayMs = 500 } = opts`: the default is the delay unless a caller overrides it.
          const pattern = def?.name.parent;
          if ((def?.type === 'Variable' || def?.type === 'Parameter') && pattern?.type === AST_NODE_TYPES.AssignmentPattern && pattern.left === def.name) {
            return evaluate(pattern.right);
          }
          if (def?.type === 'Variable' && def.parent.kind === 'const' && def.node.init && def.node.id === def.name) return evaluate(def.node.init);
          return undefined;
        }
        default:
          return undefined;
      }
    }

    /** The delay argument of a pause: `sleep(ms)`, `setTimeout(resolve, ms)`, `new Promise(r => setTimeout(r, ms))`. */
    function getDelayArgument(call: TSESTree.CallExpression): TSESTree.Node | undefined {
      const name = getCalleeName(call);
      if (name === 'setTimeout' && call.arguments.length >= 2 && isFunctionArgument(call.arguments[0]!)) return call.arguments[1];
      const [first] = call.arguments;
      return first && first.type !== AST_NODE_TYPES.SpreadElement && !isFunctionArgument(first) ? first : undefined;
    }

    /**
     * A pause: an awaited `sleep(ms)`/`delay(ms)`/`setTimeout(ms)` (timers/promises),
     * or `setTimeout(resolve, ms)` inside a promise executor. Not `AbortSignal.timeout(ms)`
     * and not a `setTimeout(() => controller.abort(), ms)` that bounds the call.
     */
    function isDelayCall(call: TSESTree.CallExpression): boolean {
      const name = getCalleeName(call);
      if (name === undefined || !(DELAY_NAMES.test(name) || extraDelayNames.has(name))) return false;
      const parent = call.parent;
      if (parent.type === AST_NODE_TYPES.AwaitExpression) return getMemberPath(call.callee)?.join('.') !== 'AbortSignal.timeout';
      if (name !== 'setTimeout') return false;
      for (let current: TSESTree.Node | undefined = parent; current; current = current.parent) {
        if (isFunctionNode(current)) return isPromiseExecutor(current);
      }
      return false;
    }

    /** `retry-after` / `retryAfter` read anywhere in the retry: the server says when to come back. */
    function mentionsRetryAfter(root: TSESTree.Node): boolean {
      let found = false;
      walk(root, (node) => {
        if (node.type === AST_NODE_TYPES.Literal && typeof node.value === 'string' && node.value.toLowerCase() === 'retry-after') found = true;
        if (node.type === AST_NODE_TYPES.Identifier && /retryafter/i.test(node.name)) found = true;
      });
      return found;
    }

    /**
     * Retries that are right to run at once: a unique-key collision retried with
     * a fresh random value, or an optimistic-lock / serialization conflict.
     */
    function isDeliberateImmediateRetry(root: TSESTree.Node): boolean {
      let found = false;
      walk(root, (node) => {
        if (found) return;
        if (node.type === AST_NODE_TYPES.Literal && (typeof node.value === 'string' || typeof node.value === 'number')) {
          if (RETRY_CONFLICT_MARKERS.has(String(node.value))) found = true;
        }
        if (node.type === AST_NODE_TYPES.Identifier && /Conflict|UniqueConstraint|OptimisticLock|VersionError|Duplicate/.test(node.name)) found = true;
        if (node.type === AST_NODE_TYPES.CallExpression) {
          const name = getCalleeName(node);
          if (name !== undefined && RANDOM_ID_CALLS.test(name) && !isInsideDelay(node)) found = true;
        }
      });
      return found;
    }

    function isInsideDelay(node: TSESTree.Node): boolean {
      for (let current = node.parent; current; current = current.parent) {
        if (current.type === AST_NODE_TYPES.CallExpression && isDelayCall(current)) return true;
        if (isFunctionNode(current) || current.type === AST_NODE_TYPES.BlockStatement) return false;
      }
      return false;
    }

    /**
     * `processNextFile(index + 1)` in the `try` after the work and again in the `catch`: the function walks a
     * list and moves on to the next item whether or not this one failed. That is iteration, not a retry.
     */
    function movesOnAfterSuccessToo(call: TSESTree.CallExpression, fn: FunctionNode): boolean {
      const text = call.arguments.map((argument) => sourceCode.getText(argument)).join(',');
      return findNode(fn.body, (node) =>
        node !== call && node.type === AST_NODE_TYPES.CallExpression && getSelfTarget(node) === fn &&
        node.arguments.map((argument) => sourceCode.getText(argument)).join(',') === text && !isOnFailurePath(node, fn)) !== undefined;
    }

    /** The function a call re-enters: `fn(…)` inside `function fn`, `this.method(…)` inside `method`. */
    function getSelfTarget(call: TSESTree.CallExpression): FunctionNode | undefined {
      const callee = unwrapExpression(call.callee);
      for (let current: TSESTree.Node | undefined = call.parent; current; current = current.parent) {
        if (!isFunctionNode(current)) continue;
        const name = getFunctionName(current);
        if (name === undefined) continue;
        if (callee.type === AST_NODE_TYPES.Identifier && callee.name === name && current.parent?.type !== AST_NODE_TYPES.MethodDefinition) return current;
        const path = getMemberPath(callee);
        if (path?.length === 2 && path[0] === 'this' && path[1] === name && current.parent?.type === AST_NODE_TYPES.MethodDefinition) return current;
      }
      return undefined;
    }

    function isReassignedIn(root: TSESTree.Node, name: string): boolean {
      let found = false;
      walk(root, (node) => {
        if (node.type === AST_NODE_TYPES.AssignmentExpression && node.left.type === AST_NODE_TYPES.Identifier && node.left.name === name) found = true;
      });
      return found;
    }

    
    /** The module and export an identifier was imported or required from. */
    function getImport(identifier: TSESTree.Identifier): { source: string; imported: string } | undefined {
      const variable = ASTUtils.findVariable(sourceCode.getScope(identifier), identifier);
      const def = variable?.defs[0];
      if (!def) return undefined;
      if (def.type === 'ImportBinding' && def.parent.type === AST_NODE_TYPES.ImportDeclaration) {
        const specifier = def.node;
        const source = def.parent.source.value;
        if (specifier.type === AST_NODE_TYPES.ImportDefaultSpecifier) return { source, imported: 'default' };
        if (specifier.type === AST_NODE_TYPES.ImportNamespaceSpecifier) return { source, imported: '*' };
        if (specifier.type === AST_NODE_TYPES.ImportSpecifier) {
          return { source, imported: specifier.imported.type === AST_NODE_TYPES.Identifier ? specifier.imported.name : specifier.imported.value };
        }
      }
      if (def.type === 'Variable' && def.node.init) {
        let init = unwrapExpression(def.node.init);
        let member: string | undefined;
        if (init.type === AST_NODE_TYPES.MemberExpression && !init.computed && init.property.type === AST_NODE_TYPES.Identifier) {
          member = init.property.name;
          init = unwrapExpression(init.object);
        }
        if (init.type !== AST_NODE_TYPES.CallExpression || init.callee.type !== AST_NODE_TYPES.Identifier || init.callee.name !== 'require') return undefined;
        const source = init.arguments[0] ? getStaticKey(init.arguments[0]) : undefined;
        if (source === undefined) return undefined;
        if (def.node.id.type === AST_NODE_TYPES.Identifier) return { source, imported: member ?? '*' };
        if (def.node.id.type === AST_NODE_TYPES.ObjectPattern) {
          for (const property of def.node.id.properties) {
            if (property.type === AST_NODE_TYPES.Property && property.value.type === AST_NODE_TYPES.Identifier && property.value.name === identifier.name) {
              const key = getPropertyKeyName(property);
              if (key !== undefined) return { source, imported: key };
            }
          }
        }
      }
      return undefined;
    }

    function getCallLabel(call: TSESTree.CallExpression): string {
      const path = getMemberPath(call.callee);
      if (path) return path.join('.');
      const text = sourceCode.getText(call.callee);
      return text.length > 40 ? `${getCalleeName(call) ?? 'call'}` : text;
    }

    /** Report a loop on its head (`for (…)`), not its whole body. */
    function getHeadLoc(node: TSESTree.Node): TSESTree.SourceLocation {
      if (node.type === AST_NODE_TYPES.ForStatement || node.type === AST_NODE_TYPES.WhileStatement) {
        const closing = sourceCode.getTokenBefore(node.body);
        return { start: node.loc.start, end: closing ? closing.loc.end : node.loc.end };
      }
      if (node.type === AST_NODE_TYPES.DoWhileStatement) {
        const doToken = sourceCode.getFirstToken(node);
        return doToken ? doToken.loc : node.loc;
      }
      return node.loc;
    }
  },
});

/** Whether a variable the call reads (`childFolderPath`, `currentPage`) is assigned inside `body`. */
function isInputChangedIn(call: TSESTree.CallExpression, body: TSESTree.Node): boolean {
  return isAssignedIn(body, getArgumentNames(call));
}

/** The names a call reads in its arguments (in nested functions too). */
function getArgumentNames(call: TSESTree.CallExpression): Set<string> {
  const names = new Set<string>();
  for (const argument of call.arguments) walk(argument, (node) => node.type === AST_NODE_TYPES.Identifier && names.add(node.name), true);
  return names;
}

/**
 * The names a call reads in its arguments, and the names their `const`/`let`
 * declarations in `body` read (`items` declared as `list.slice(countSuccess, …)`
 * adds `list` and `countSuccess`).
 */
function getInputNames(call: TSESTree.CallExpression, body: TSESTree.Node): Set<string> {
  const inputs = getArgumentNames(call);
  walk(body, (node) => {
    if (node.type !== AST_NODE_TYPES.VariableDeclarator || node.id.type !== AST_NODE_TYPES.Identifier || !node.init || !inputs.has(node.id.name)) return;
    walk(node.init, (inner) => inner.type === AST_NODE_TYPES.Identifier && inputs.add(inner.name), true);
  });
  return inputs;
}

/** Whether one of `names` is assigned (`=`, `+=`, `++`) in `root`. */
function isAssignedIn(root: TSESTree.Node, names: ReadonlySet<string>): boolean {
  let assigned = false;
  walk(root, (node) => {
    const target = node.type === AST_NODE_TYPES.AssignmentExpression ? node.left : node.type === AST_NODE_TYPES.UpdateExpression ? node.argument : undefined;
    if (target?.type === AST_NODE_TYPES.Identifier && names.has(target.name)) assigned = true;
  });
  return assigned;
}

/** `console.warn(…)`, `logger.info(…)`, `this.logger.error(…)`, `Math.min(…)`: calls a counter may feed without being data. */
function isLogCall(call: TSESTree.CallExpression): boolean {
  const path = getMemberPath(call.callee);
  if (!path) return false;
  if (path[0] === 'Math') return true;
  const owner = path.at(-2);
  return owner !== undefined && /^(?:console|logger|log|Logger|winston|pino|debug)$/i.test(owner);
}

/** Walks without nested functions (but into a `new Promise` executor, which runs at once), or into every function. */
function walk(root: TSESTree.Node, visit: (node: TSESTree.Node) => void, enterFunctions = false): void {
  walkNodes(root, visit, enterFunctions ? () => true : isPromiseExecutor);
}

/** `new Promise((resolve) => setTimeout(resolve, ms))`: its executor runs in place. */
function isPromiseExecutor(fn: TSESTree.Node): boolean {
  const parent = fn.parent;
  return (
    parent?.type === AST_NODE_TYPES.NewExpression &&
    parent.callee.type === AST_NODE_TYPES.Identifier &&
    parent.callee.name === 'Promise'
  );
}

function isFunctionArgument(node: TSESTree.Node): boolean {
  return isFunctionNode(node) || (node.type === AST_NODE_TYPES.Identifier && /^(?:resolve|r|res|done|cb|next)$/.test(node.name));
}

/** Names compared by `<`, `>`, `===`… in `test` (also `retries--` and `--retries` used as a truthy test). */
function collectCompared(test: TSESTree.Node, names: Set<string>): void {
  walk(test, (node) => {
    if (node.type === AST_NODE_TYPES.BinaryExpression && COMPARISONS.has(node.operator)) {
      for (const side of [node.left, node.right]) {
        const value = unwrapExpression(side);
        if (value.type === AST_NODE_TYPES.Identifier) names.add(value.name);
        if (value.type === AST_NODE_TYPES.UpdateExpression && value.argument.type === AST_NODE_TYPES.Identifier) names.add(value.argument.name);
      }
    }
    if (node.type === AST_NODE_TYPES.UpdateExpression && node.operator === '--' && node.argument.type === AST_NODE_TYPES.Identifier) {
      names.add(node.argument.name);
    }
  });
  const value = unwrapExpression(test);
  if (value.type === AST_NODE_TYPES.Identifier) names.add(value.name);
}

function isComparedIn(root: TSESTree.Node, names: ReadonlySet<string>): boolean {
  const compared = new Set<string>();
  walk(
    root,
    (node) => {
      if (node.type === AST_NODE_TYPES.IfStatement || node.type === AST_NODE_TYPES.ConditionalExpression) collectCompared(node.test, compared);
      if (node.type === AST_NODE_TYPES.LogicalExpression) collectCompared(node.left, compared);
    },
    true,
  );
  return [...names].some((name) => compared.has(name));
}

/** Whether a statement always leaves the loop or function: `throw`, `return`, `break`, or a block ending in one. */
function exits(statement: TSESTree.Statement): boolean {
  if (statement.type === AST_NODE_TYPES.ThrowStatement || statement.type === AST_NODE_TYPES.ReturnStatement || statement.type === AST_NODE_TYPES.BreakStatement) {
    return true;
  }
  if (statement.type === AST_NODE_TYPES.BlockStatement) {
    const last = statement.body.at(-1);
    return last !== undefined && exits(last);
  }
  return false;
}

function containsExit(block: TSESTree.BlockStatement): boolean {
  let found = false;
  walk(block, (node) => {
    if (node.type === AST_NODE_TYPES.ReturnStatement || node.type === AST_NODE_TYPES.BreakStatement) found = true;
  });
  return found;
}

/** Whether a statement ends by going round the loop again: `continue`, or a block ending in one. */
function continues(statement: TSESTree.Statement): boolean {
  if (statement.type === AST_NODE_TYPES.ContinueStatement) return true;
  if (statement.type === AST_NODE_TYPES.BlockStatement) {
    const last = statement.body.at(-1);
    return last !== undefined && continues(last);
  }
  return false;
}

type Outcome = 'success' | 'failure';

/**
 * What a test on the awaited result `name` says about the call: `res`,
 * `res.ok`, `result.success`, `res.status < 500`, `res.status !== 429` and
 * `isOk(res)` hold when it succeeded; `!res.ok`, `res.error`, `res.status >= 500`,
 * `res.status === 429` and `isRetryable(res.status)` when it failed. Undefined
 * when the test does not say: `rows.length === 0` (a batch loop stops when the
 * work runs out) or a helper that does not name what it checks
 * (`isRedirectStatus(res.status)`).
 */
function getTestedOutcome(test: TSESTree.Node, name: string): Outcome | undefined {
  const value = unwrapExpression(test);
  switch (value.type) {
    case AST_NODE_TYPES.Identifier:
      return value.name === name ? 'success' : undefined;
    case AST_NODE_TYPES.UnaryExpression: {
      if (value.operator !== '!') return undefined;
      const inner = getTestedOutcome(value.argument, name);
      return inner === 'success' ? 'failure' : inner === 'failure' ? 'success' : undefined;
    }
    case AST_NODE_TYPES.LogicalExpression: {
      // `res && res.ok`, `res.status === 429 || res.status >= 500`: a side that says nothing does not change the other's meaning.
      const left = getTestedOutcome(value.left, name);
      const right = getTestedOutcome(value.right, name);
      if (left !== undefined && right !== undefined) return left === right ? left : undefined;
      return left ?? right;
    }
    case AST_NODE_TYPES.MemberExpression: {
      if (!isResultMember(value, name)) return undefined;
      const property = getMemberPropertyName(value);
      if (property !== undefined && SUCCESS_PROPERTIES.has(property)) return 'success';
      if (property !== undefined && FAILURE_PROPERTIES.has(property)) return 'failure';
      return undefined;
    }
    case AST_NODE_TYPES.BinaryExpression:
      return getStatusOutcome(value, name);
    case AST_NODE_TYPES.CallExpression: {
      if (!usesNames(value.arguments, new Set([name]))) return undefined;
      const callee = getCalleeName(value);
      const words = callee === undefined ? [] : splitIdentifierWords(callee);
      if (words.some((word) => FAILURE_WORDS.has(word))) return 'failure';
      if (words.some((word) => SUCCESS_WORDS.has(word))) return 'success';
      return undefined;
    }
    default:
      return undefined;
  }
}

/** `res.status < 500` → success, `res.statusCode >= 500` / `=== 429` → failure, for the status of `name`. */
function getStatusOutcome(comparison: TSESTree.BinaryExpression, name: string): Outcome | undefined {
  if (comparison.left.type === AST_NODE_TYPES.PrivateIdentifier) return undefined;
  const left = unwrapExpression(comparison.left);
  const right = unwrapExpression(comparison.right);
  const statusOnLeft = isStatusOf(left, name);
  if (!statusOnLeft && !isStatusOf(right, name)) return undefined;
  const literal = statusOnLeft ? right : left;
  if (literal.type !== AST_NODE_TYPES.Literal || typeof literal.value !== 'number') return undefined;
  const code = literal.value;
  // Written as `500 <= res.status`: read it as `res.status >= 500`.
  const operator = statusOnLeft ? comparison.operator : (MIRRORED_OPERATORS.get(comparison.operator) ?? comparison.operator);
  const isOkCode = code >= 200 && code < 300;
  const isFailureCode = code === 408 || code === 429 || code >= 500;
  switch (operator) {
    case '<':
      return code > 200 && code <= 500 ? 'success' : undefined;
    case '<=':
      return code >= 200 && code < 500 ? 'success' : undefined;
    case '>=':
      return code >= 400 ? 'failure' : undefined;
    case '>':
      return code >= 399 ? 'failure' : undefined;
    case '===':
    case '==':
      return isOkCode ? 'success' : isFailureCode ? 'failure' : undefined;
    case '!==':
    case '!=':
      return isOkCode ? 'failure' : isFailureCode ? 'success' : undefined;
    default:
      return undefined;
  }
}

const MIRRORED_OPERATORS: ReadonlyMap<string, string> = new Map([['<', '>'], ['>', '<'], ['<=', '>='], ['>=', '<=']]);

function isStatusOf(node: TSESTree.Node, name: string): boolean {
  if (node.type !== AST_NODE_TYPES.MemberExpression || !isResultMember(node, name)) return false;
  const property = getMemberPropertyName(node);
  return property === 'status' || property === 'statusCode';
}

/** `res.ok`, `res?.status`: a property read directly on the result. */
function isResultMember(member: TSESTree.MemberExpression, name: string): boolean {
  const object = unwrapExpression(member.object);
  return object.type === AST_NODE_TYPES.Identifier && object.name === name;
}

/**
 * A loop that follows redirects by hand: it reads the `Location` header, asks
 * for `redirect: 'manual'`, or counts redirects or hops.
 */
function isRedirectFollowing(body: TSESTree.Node, counters: ReadonlySet<string>): boolean {
  if ([...counters].some((counter) => splitIdentifierWords(counter).some((word) => REDIRECT_WORDS.has(word)))) return true;
  let found = false;
  walk(body, (node) => {
    if (found) return;
    if (node.type === AST_NODE_TYPES.Literal && typeof node.value === 'string' && node.value.toLowerCase() === 'location') found = true;
    if (node.type === AST_NODE_TYPES.Property && getPropertyKeyName(node) === 'redirect') {
      const value = unwrapExpression(node.value);
      if (value.type === AST_NODE_TYPES.Literal && value.value === 'manual') found = true;
    }
  });
  return found;
}

function usesNames(nodes: readonly TSESTree.Node[], names: ReadonlySet<string>): boolean {
  let found = false;
  for (const root of nodes) {
    walk(root, (node) => {
      if (node.type === AST_NODE_TYPES.Identifier && names.has(node.name)) found = true;
    });
  }
  return found;
}

/** `retries - 1`, `attempt + 1`, `--retries`, `attempt++` for parameter `name`. */
function isStep(argument: TSESTree.Node, name: string): boolean {
  const value = unwrapExpression(argument);
  if (value.type === AST_NODE_TYPES.BinaryExpression && (value.operator === '-' || value.operator === '+')) {
    const left = unwrapExpression(value.left);
    const right = unwrapExpression(value.right);
    return left.type === AST_NODE_TYPES.Identifier && left.name === name && right.type === AST_NODE_TYPES.Literal && right.value === 1;
  }
  if (value.type === AST_NODE_TYPES.UpdateExpression) {
    return value.argument.type === AST_NODE_TYPES.Identifier && value.argument.name === name;
  }
  return false;
}

function getParamName(param: TSESTree.Parameter): string | undefined {
  if (param.type === AST_NODE_TYPES.Identifier) return param.name;
  if (param.type === AST_NODE_TYPES.AssignmentPattern && param.left.type === AST_NODE_TYPES.Identifier) return param.left.name;
  if (param.type === AST_NODE_TYPES.TSParameterProperty) return undefined;
  return undefined;
}

/** Whether the self-call runs when something failed: inside a `catch`, a `.catch()` callback, or after a failed-result check. */
function isOnFailurePath(call: TSESTree.Node, fn: FunctionNode): boolean {
  for (let current: TSESTree.Node | undefined = call.parent; current && current !== fn; current = current.parent) {
    if (current.type === AST_NODE_TYPES.CatchClause) return true;
    if (current.type === AST_NODE_TYPES.IfStatement && isFailureTest(current.test)) return true;
    if (isFunctionNode(current)) {
      const parent = current.parent;
      if (parent?.type === AST_NODE_TYPES.CallExpression && getCalleeName(parent) === 'catch') return true;
      return false;
    }
  }
  return false;
}

/** The `try` whose `catch` holds the call, inside `fn`. */
function getEnclosingTry(call: TSESTree.Node, fn: FunctionNode): TSESTree.TryStatement | undefined {
  for (let current: TSESTree.Node | undefined = call.parent; current && current !== fn; current = current.parent) {
    if (current.type === AST_NODE_TYPES.CatchClause) return current.parent;
    if (isFunctionNode(current)) return undefined;
  }
  return undefined;
}

/** `!res.ok`, `res.status >= 500`, `error`, `!result.success`: a test that something failed. */
function isFailureTest(test: TSESTree.Node): boolean {
  let found = false;
  walk(test, (node) => {
    if (node.type === AST_NODE_TYPES.Identifier && /^(?:ok|status|statusCode|success|error|err|failed|e)$/.test(node.name)) found = true;
  });
  return found;
}

function getNumber(node: TSESTree.Node | undefined): number | undefined {
  if (!node) return undefined;
  const value = unwrapExpression(node);
  return value.type === AST_NODE_TYPES.Literal && typeof value.value === 'number' ? value.value : undefined;
}

/** The constant a `retryDelay` function returns: `() => 500`, `() => { return 500; }`; a number itself. */
function getConstantReturn(node: TSESTree.Node): number | undefined {
  const value = unwrapExpression(node);
  if (value.type === AST_NODE_TYPES.Literal) return typeof value.value === 'number' ? value.value : undefined;
  if (value.type !== AST_NODE_TYPES.ArrowFunctionExpression && value.type !== AST_NODE_TYPES.FunctionExpression) return undefined;
  if (value.body.type !== AST_NODE_TYPES.BlockStatement) return getNumber(value.body);
  const only = value.body.body.length === 1 ? value.body.body[0] : undefined;
  return only?.type === AST_NODE_TYPES.ReturnStatement && only.argument ? getNumber(only.argument) : undefined;
}

function hasUnknownProperties(object: TSESTree.ObjectExpression): boolean {
  return object.properties.some((property) => property.type === AST_NODE_TYPES.SpreadElement);
}

