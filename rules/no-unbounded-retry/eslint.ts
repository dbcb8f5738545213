import { AST_NODE_TYPES, ASTUtils, type TSESTree } from '@typescript-eslint/utils';
import {
  CLOCK_CALLS,
  FOREVER_RETRY_LIBRARIES,
  RECONNECT_OPTION,
  RETRY_ATTEMPT_OPTIONS,
  RETRY_LIMIT_PARENT_OPTIONS,
  UNBOUNDED_NUMBER_NAMES,
  UNBOUNDED_RETRY_STRINGS,
  isTestFile,
  splitIdentifierWords,
} from '@redline/core';
import { getCalleeName, getMemberPath, getMemberPropertyName, getPropertyKeyName, unwrapExpression } from '../utils/ast.js';
import { createRule } from '../utils/create-rule.js';
import { findNode, someNode } from '../utils/walk.js';

type Options = [{ attemptLimit: number; retryLibraries: string[]; attemptOptions: string[] }];
type MessageIds = 'unboundedLoop' | 'unboundedRecursion' | 'unboundedTimer' | 'unboundedOption' | 'unboundedArgument';

type FunctionNode = TSESTree.FunctionDeclaration | TSESTree.FunctionExpression | TSESTree.ArrowFunctionExpression;
type LoopNode = TSESTree.WhileStatement | TSESTree.DoWhileStatement | TSESTree.ForStatement;

/** A way out of a retry loop, found by walking its body. */
interface LoopExit {
  node: TSESTree.Node;
  /** The innermost `try` (with a `catch`, inside the loop) whose block holds the exit. */
  tryStatement: TSESTree.TryStatement | undefined;
}

/** A condition that decides whether a node runs, with the branch it is on (`true`: runs when the test holds). */
interface Guard {
  test: TSESTree.Node;
  whenTrue: boolean | undefined;
}

/** A call that re-enters a function, and the failure handler it sits in. */
interface Recursion {
  target: FunctionNode;
  name: string;
  /** The catch clause or failure callback (`.catch(cb)`, `.then(_, cb)`, `.on('error', cb)`). */
  handler: TSESTree.CatchClause | FunctionNode | undefined;
  /** Without a handler: the branch that runs on failure (`if (res.ok) … else <branch>`, `if (err) <branch>`). */
  branch: TSESTree.Node | undefined;
  /** The timer that re-schedules the call, when there is one (`setTimeout`). */
  timer: string | undefined;
}

/** A test for a unique-key collision: Prisma `P2002`, Mongo `11000`, Postgres `23505`, MySQL `ER_DUP_ENTRY`, a named constant. */
const COLLISION_TEST = /unique|duplicate|collision|conflict|P2002|\b11000\b|\b23505\b|ER_DUP|already.?exists|outdated|stale|revision|version.?mismatch|precondition|claim.?failed|already.?claimed/i;
const TIMER_FUNCTIONS = new Set(['setTimeout', 'setImmediate', 'nextTick', 'queueMicrotask']);
const SUCCESS_MEMBERS = new Set(['ok', 'success', 'succeeded', 'isSuccess', 'connected', 'isConnected']);
const STATUS_MEMBERS = new Set(['status', 'statusCode']);
const FAILURE_EVENTS = new Set(['error']);
/**
 * Events of a connection that went away. Reconnecting there is a retry: one
 * made at once (no timer) goes round as fast as the server refuses, and each
 * call adds its listeners again; a delayed reconnect is a client's policy.
 * Streams and files `close` and `end` when they are done too, so those two
 * count only for a function named for connecting (`connect`, `reconnectDb`).
 */
const CLOSE_EVENTS = new Set(['close', 'disconnected', 'disconnect', 'end']);
const DONE_EVENTS = new Set(['close', 'end']);
const COMPARISON_OPERATORS = new Set(['<', '<=', '>', '>=', '==', '===', '!=', '!==']);

export default createRule<Options, MessageIds>({
  name: 'no-unbounded-retry',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow retries that never give up: retry loops, recursion and timers without an attempt limit, and retry options set to infinity',
      category: 'unbounded-retry',
      cwe: ['CWE-835', 'CWE-400'],
      recommended: 'recommended',
      severity: 'error',
      requiresTypeChecking: false,
    },
    messages: {
      unboundedLoop:
        '`{{loop}}` retries until the call succeeds and nothing bounds the attempts: while the dependency is down it loops forever, holding the request or worker and hammering the failing service. Count the attempts and give up after a maximum (or a deadline), with backoff between them.',
      unboundedRecursion:
        '`{{name}}` calls itself again when it fails and nothing stops it: while the dependency is down it recurses forever, piling up calls and load on the failing service. Pass an attempt number and give up after a maximum.',
      unboundedTimer:
        '`{{name}}` re-schedules itself with `{{timer}}` on every failure, forever: a dependency that never comes back (a wrong URL, revoked credentials) keeps it retrying for the life of the process instead of failing where a supervisor or an alert would act. Count the attempts and stop (and report the failure) after a maximum.',
      unboundedOption:
        '`{{option}}: {{value}}` makes the retry never give up: a permanent failure is retried forever, holding the job or request and hammering the failing service. Set a finite number of attempts (library defaults are bounded).',
      unboundedArgument:
        '`{{callee}}(…, {{value}}, …)` asks the retry helper for unlimited attempts: a permanent failure is retried forever, holding the job or request and hammering the failing service. Pass a finite number of attempts.',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          attemptLimit: {
            type: 'number',
            minimum: 1,
            description: 'A retry count option at or above this number is treated as "forever" (assistants write 99999 for that).',
          },
          retryLibraries: {
            type: 'array',
            items: { type: 'string' },
            description: 'Extra module names whose options accept node-retry\'s `forever: true` (your own retry wrapper package).',
          },
          attemptOptions: {
            type: 'array',
            items: { type: 'string' },
            description: 'Extra option names that set a number of attempts in your code (for example `maxTries`).',
          },
        },
      },
    ],
    defaultOptions: [{ attemptLimit: 10_000, retryLibraries: [], attemptOptions: [] }],
  },
  defaultOptions: [{ attemptLimit: 10_000, retryLibraries: [], attemptOptions: [] }],
  create(context, [options]) {
    // A test that waits for the server it started is bounded by its runner's timeout.
    if (isTestFile(context.filename)) return {};
    const sourceCode = context.sourceCode;
    const foreverLibraries = new Set([...FOREVER_RETRY_LIBRARIES, ...options.retryLibraries]);
    const attemptOptions = new Set([...RETRY_ATTEMPT_OPTIONS, ...options.attemptOptions]);
    const enclosingFunctionNames = new Map<TSESTree.Node, Set<string>>();

    return {
      'WhileStatement, DoWhileStatement, ForStatement'(loop: LoopNode) {
        checkLoop(loop);
      },
      CallExpression(call) {
        checkRecursion(call);
        checkRetryHelperArguments(call);
      },
      Property(property) {
        checkOption(property);
      },
    };

    // ---------------------------------------------------------------- loops

    /**
     * A retry loop: its test never turns false by itself (`while (true)`, `for (;;)`,
     * `i < Infinity`, or `!done` where only success sets `done`), its body leaves on
     * success (a `return`/`break`/flag in a `try` that has a `catch`, or behind a
     * `res.ok` check), and no other way out is tied to a counter, a deadline or anything
     * besides the error itself. Worker loops (`while (true) { job = await next() }`) and
     * batch drains (`if (count < BATCH) break`) do not leave on a success check.
     */
    function checkLoop(loop: LoopNode): void {
      const flag = getLoopFlag(loop);
      if (flag === undefined) return;
      const exits: LoopExit[] = [];
      const tries: TSESTree.TryStatement[] = [];
      const mutated = new Set<string>();
      collectLoopFacts(loop, flag === true ? undefined : flag, exits, tries, mutated);
      if (exits.length === 0) return;

      let hasSuccessExit = false;
      for (const exit of exits) {
        const verdict = judgeLoopExit(exit, loop, tries, mutated);
        if (verdict === 'bound') return;
        if (verdict === 'success') hasSuccessExit = true;
      }
      if (!hasSuccessExit) return;
      context.report({ node: loop, loc: getLoopHeadLoc(loop), messageId: 'unboundedLoop', data: { loop: getLoopLabel(loop) } });
    }

    /** `true` for a loop that never ends by its test, a flag path for `while (!done)`, undefined otherwise. */
    function getLoopFlag(loop: LoopNode): true | string | undefined {
      const test = loop.test;
      if (test === null) return true;
      if (isAlwaysTrue(test)) return true;
      const expression = unwrapExpression(test);
      if (expression.type === AST_NODE_TYPES.UnaryExpression && expression.operator === '!') {
        return getFlagPath(expression.argument);
      }
      if (
        expression.type === AST_NODE_TYPES.BinaryExpression &&
        (expression.operator === '===' || expression.operator === '==') &&
        isFalsyLiteral(expression.right)
      ) {
        return getFlagPath(expression.left);
      }
      return undefined;
    }

    function getFlagPath(node: TSESTree.Node): string | undefined {
      return getMemberPath(node)?.join('.');
    }

    /** `true`, `1`, `!0`, or a comparison against infinity (`attempt < Infinity`). */
    function isAlwaysTrue(node: TSESTree.Node): boolean {
      const expression = unwrapExpression(node);
      if (expression.type === AST_NODE_TYPES.Literal) return Boolean(expression.value) && expression.value !== null;
      if (expression.type === AST_NODE_TYPES.UnaryExpression && expression.operator === '!') {
        return isFalsyLiteral(expression.argument);
      }
      if (expression.type === AST_NODE_TYPES.BinaryExpression && (expression.operator === '<' || expression.operator === '<=')) {
        return isUnboundedValue(expression.right);
      }
      return false;
    }

    /**
     * Walks the loop body once (not into nested functions or classes) and records its
     * exits, its `try` statements and the names it counts with (`++`, `+=`).
     */
    function collectLoopFacts(
      loop: LoopNode,
      flag: string | undefined,
      exits: LoopExit[],
      tries: TSESTree.TryStatement[],
      mutated: Set<string>,
    ): void {
      const ownLabels = new Set<string>();
      for (let parent = loop.parent; parent.type === AST_NODE_TYPES.LabeledStatement; parent = parent.parent) {
        ownLabels.add(parent.label.name);
      }
      const innerLabels = new Set<string>();

      const visit = (node: TSESTree.Node, breakableDepth: number, tryStatement: TSESTree.TryStatement | undefined): void => {
        switch (node.type) {
          case AST_NODE_TYPES.FunctionDeclaration:
          case AST_NODE_TYPES.FunctionExpression:
          case AST_NODE_TYPES.ArrowFunctionExpression:
          case AST_NODE_TYPES.ClassBody:
            return;
          case AST_NODE_TYPES.ReturnStatement:
            exits.push({ node, tryStatement });
            break;
          case AST_NODE_TYPES.ThrowStatement:
            // A throw inside a `try` block lands in its `catch`, inside the loop.
            if (!tryStatement) exits.push({ node, tryStatement });
            break;
          case AST_NODE_TYPES.BreakStatement:
            if (node.label ? !innerLabels.has(node.label.name) : breakableDepth === 0) exits.push({ node, tryStatement });
            break;
          case AST_NODE_TYPES.ContinueStatement:
            if (node.label && !innerLabels.has(node.label.name) && !ownLabels.has(node.label.name)) {
              exits.push({ node, tryStatement });
            }
            break;
          case AST_NODE_TYPES.CallExpression: {
            const path = getMemberPath(node.callee)?.join('.');
            if (path === 'process.exit' || path === 'process.abort' || path?.endsWith('throwIfAborted')) {
              exits.push({ node, tryStatement: undefined });
            }
            break;
          }
          case AST_NODE_TYPES.UpdateExpression: {
            const path = getFlagPath(node.argument);
            if (path) mutated.add(path);
            break;
          }
          case AST_NODE_TYPES.AssignmentExpression: {
            const path = getFlagPath(node.left);
            if (path && node.operator !== '=') mutated.add(path);
            if (path && path === flag && node.operator === '=' && isSuccessValue(node.right)) {
              exits.push({ node, tryStatement });
            }
            break;
          }
          case AST_NODE_TYPES.LabeledStatement:
            innerLabels.add(node.label.name);
            break;
          case AST_NODE_TYPES.TryStatement:
            if (node.handler) tries.push(node);
            visit(node.block, breakableDepth, node.handler ? node : tryStatement);
            if (node.handler) visit(node.handler, breakableDepth, tryStatement);
            if (node.finalizer) visit(node.finalizer, breakableDepth, tryStatement);
            return;
          default:
            break;
        }
        const nested =
          node.type === AST_NODE_TYPES.SwitchStatement ||
          node.type === AST_NODE_TYPES.WhileStatement ||
          node.type === AST_NODE_TYPES.DoWhileStatement ||
          node.type === AST_NODE_TYPES.ForStatement ||
          node.type === AST_NODE_TYPES.ForInStatement ||
          node.type === AST_NODE_TYPES.ForOfStatement;
        for (const child of getChildren(node)) visit(child, nested ? breakableDepth + 1 : breakableDepth, tryStatement);
      };

      visit(loop.body, 0, undefined);
      // `do { … } while (!done)` and `for (…; !done; …)` may assign the flag in the test or update too.
      if (loop.type === AST_NODE_TYPES.ForStatement && loop.update) visit(loop.update, 0, undefined);
    }

    /**
     * `success`: leaves the loop when the retried call worked; `bound`: a way out tied to
     * a counter, a deadline, a stop flag or anything but the error; `neutral`: leaves
     * only for some errors (`if (!isRetryable(err)) throw err`), which bounds nothing.
     */
    function judgeLoopExit(
      exit: LoopExit,
      loop: LoopNode,
      tries: readonly TSESTree.TryStatement[],
      mutated: ReadonlySet<string>,
    ): 'success' | 'bound' | 'neutral' | 'other' {
      const guards = getGuards(exit.node, loop);
      if (guards.some((guard) => isBoundTest(guard.test, mutated))) return 'bound';
      if (exit.tryStatement) {
        // Leaving from the `try` block: success when unconditional or behind a success check.
        if (guards.length === 0 || guards.every((guard) => isSuccessGuard(guard))) return 'success';
        return 'other';
      }
      if (guards.length > 0 && guards.every((guard) => isSuccessGuard(guard)) && containsAwaitOrCall(loop.body)) {
        return 'success';
      }
      if (guards.length === 0 && isAfterFailureContinue(exit.node, loop, tries, mutated)) return 'success';
      // `catch (e) { if (e instanceof ReplyError) continue; throw e; }`: other errors leave, that one goes round forever.
      if (exit.node.type === AST_NODE_TYPES.ThrowStatement && guards.length === 0 && exit.node.parent.type === AST_NODE_TYPES.BlockStatement &&
        exit.node.parent.parent.type === AST_NODE_TYPES.CatchClause && continuesOnSomeErrors(exit.node.parent, mutated)) return 'neutral';
      const errorNames = getErrorNames(exit.node, loop);
      // `if (!isDuplicateKeyError(error)) throw error;`: only a lost race on a key goes round, and a fresh key ends it.
      if (exit.node.type === AST_NODE_TYPES.ThrowStatement && guards.some((guard) => COLLISION_TEST.test(sourceCode.getText(guard.test)))) return 'bound';
      if (guards.length > 0 && guards.every((guard) => isErrorOnlyTest(guard.test, errorNames, mutated))) return 'neutral';
      return 'bound';
    }

    /**
     * An exit in the loop's own body after a failure path that goes round again: a `try` whose `catch` ends with
     * `continue` (`try { await f() } catch { …; continue } break;`), or a "try later" branch that does
     * (`if (res.status === 429) { await sleep(…); continue; } return res.data;`).
     */
    function isAfterFailureContinue(exit: TSESTree.Node, loop: LoopNode, tries: readonly TSESTree.TryStatement[], mutated: ReadonlySet<string>): boolean {
      const body = loop.body;
      if (body.type !== AST_NODE_TYPES.BlockStatement || exit.parent !== body) return false;
      return body.body.slice(0, body.body.indexOf(exit as TSESTree.Statement)).some((statement) =>
        (statement.type === AST_NODE_TYPES.TryStatement && tries.includes(statement) && statement.handler !== null &&
          (endsWithContinue(statement.handler.body) || continuesOnSomeErrors(statement.handler.body, mutated))) ||
        (statement.type === AST_NODE_TYPES.IfStatement && !statement.alternate && getSuccessPolarity(statement.test) === false && endsWithContinue(statement.consequent)));
    }

    /** A `catch` that goes round again on some errors, with no count in its test: `if (e instanceof ReplyError) continue;`. */
    function continuesOnSomeErrors(handler: TSESTree.BlockStatement, mutated: ReadonlySet<string>): boolean {
      return handler.body.some((statement) => statement.type === AST_NODE_TYPES.IfStatement && endsWithContinue(statement.consequent) && !isBoundTest(statement.test, mutated));
    }

    /** The names of the caught error (and locals derived from it) in the catch clauses around a node. */
    function getErrorNames(node: TSESTree.Node, stop: TSESTree.Node): Set<string> {
      const names = new Set<string>();
      for (let current: TSESTree.Node | undefined = node; current && current !== stop; current = current.parent) {
        if (current.type === AST_NODE_TYPES.CatchClause && current.param) {
          for (const name of getPatternNames(current.param)) names.add(name);
          addErrorAliases(current.body, names);
        }
      }
      return names;
    }

    /** `const status = err.response?.status` makes `status` part of the error. */
    function addErrorAliases(body: TSESTree.BlockStatement, names: Set<string>): void {
      for (const statement of body.body) {
        if (statement.type !== AST_NODE_TYPES.VariableDeclaration) continue;
        for (const declarator of statement.declarations) {
          if (declarator.init && referencesAny(declarator.init, names)) {
            for (const name of getPatternNames(declarator.id)) names.add(name);
          }
        }
      }
    }

    function getLoopHeadLoc(loop: LoopNode): TSESTree.SourceLocation {
      if (loop.type === AST_NODE_TYPES.DoWhileStatement) {
        return sourceCode.getFirstToken(loop)?.loc ?? loop.loc;
      }
      const closing = sourceCode.getTokenBefore(loop.body);
      return { start: loop.loc.start, end: closing?.loc.end ?? loop.loc.end };
    }

    function getLoopLabel(loop: LoopNode): string {
      if (loop.type === AST_NODE_TYPES.DoWhileStatement) {
        return `do … while (${sourceCode.getText(loop.test)})`;
      }
      const head = sourceCode.getText().slice(loop.range[0], sourceCode.getTokenBefore(loop.body)?.range[1] ?? loop.range[1]);
      return head.replace(/\s+/g, ' ');
    }

    // ------------------------------------------------------------- recursion

    /**
     * A function that calls itself (directly, through `setTimeout(f, ms)`, or inside a
     * timer callback) from its own failure handler, with no attempt parameter that
     * changes and is tested, no counter or deadline guarding the call, and no exit
     * before it. A function that re-schedules itself after success too is a poller.
     */
    function checkRecursion(call: TSESTree.CallExpression): void {
      const recursion = getRecursion(call);
      if (!recursion) return;
      const { target, handler, branch } = recursion;
      const errorNames = handler ? getHandlerErrorNames(handler) : new Set<string>();
      const mutated = getMutatedNames(target.body);
      const site = call;
      const region = handler ? handler.body : branch;
      if (!region) return;

      // A check of the outcome (`res.ok`, `if (err)`) decides that it failed; it bounds nothing.
      const isBounding = (guard: Guard) =>
        getSuccessPolarity(guard.test) === undefined && !isErrorFirstTest(guard.test) && !isErrorOnlyTest(guard.test, errorNames, mutated);
      if (getGuards(site, target).some(isBounding)) return;
      // `if (e.code === 'P2002') return this.create(input)`: a retry after a key collision, with a fresh random key,
      // ends as soon as a key is free; after a lost race (`OUTDATED_REVISION`: fetch the new version, apply again) as
      // soon as no one else writes. A dependency that is down fails with another error and stops.
      if (getGuards(site, target).some((guard) => COLLISION_TEST.test(sourceCode.getText(guard.test)))) return;
      if (hasExitBefore(region, site, errorNames, mutated)) return;
      if (hasBoundExitInFunction(target, mutated)) return;
      if (hasAttemptParameter(target, call, recursion.timer !== undefined && isTimerCall(call))) return;
      if (handler && isPoller(handler, target)) return;
      // `gcTimeout = setTimeout(clearExpired, GC_INTERVAL)` after the work is done too: a periodic job, not a retry.
      if (reschedulesAfterSuccess(target)) return;
      // `processNext()` reading `cursor.next(…)`: a failure skips to the next item; the cursor ends.
      if (advancesCursor(target)) return;
      // `realPath(dirname(p))`: a call on an input derived from its own (up a path, down a tree) walks, it does not retry.
      if (!recursion.timer && passesDerivedInput(target, call)) return;

      if (recursion.timer) {
        context.report({ node: site, messageId: 'unboundedTimer', data: { name: recursion.name, timer: recursion.timer } });
      } else {
        context.report({ node: site, messageId: 'unboundedRecursion', data: { name: recursion.name } });
      }
    }

    function getRecursion(call: TSESTree.CallExpression): Recursion | undefined {
      let reference: TSESTree.Node = call.callee;
      let timer: string | undefined;
      const calleePath = getMemberPath(call.callee);
      const calleeName = calleePath?.at(-1);
      // `connection.on('disconnected', connect)`: the function itself handles the failure event, and so calls itself.
      const listener = getEventListenerReference(call);
      if (calleeName && TIMER_FUNCTIONS.has(calleeName) && call.arguments[0]) {
        // `setTimeout(connect, 5000)`: the reference is the first argument.
        const first = unwrapExpression(call.arguments[0]);
        if (first.type !== AST_NODE_TYPES.Identifier && first.type !== AST_NODE_TYPES.MemberExpression) return undefined;
        reference = first;
        timer = calleeName;
      } else if (listener) {
        reference = listener;
      }
      // Cheap test first: some enclosing function must carry the referenced name.
      const referencedName = reference === call.callee ? calleeName : getMemberPath(reference)?.at(-1);
      if (referencedName === undefined || !hasEnclosingFunctionNamed(call, referencedName)) return undefined;
      const resolved = resolveSelfReference(reference, call);
      if (!resolved) return undefined;

      let handler: Recursion['handler'];
      // The registration of a listener is the failure path itself.
      let branch: TSESTree.Node | undefined = listener ? call : undefined;
      let closeEvent = listener !== undefined && CLOSE_EVENTS.has(getEventName(call) ?? '') ? getEventName(call) : undefined;
      let child: TSESTree.Node = call;
      for (let current: TSESTree.Node | undefined = call.parent; current && current !== resolved.target; current = current.parent) {
        if (!handler && current.type === AST_NODE_TYPES.CatchClause && child === current.body) handler = current;
        if (
          !handler &&
          !branch &&
          (current.type === AST_NODE_TYPES.IfStatement || current.type === AST_NODE_TYPES.ConditionalExpression) &&
          child !== current.test &&
          isFailureBranch(current.test, child === current.consequent)
        ) {
          branch = child;
        }
        if (current.type === AST_NODE_TYPES.TryStatement && child === current.block) {
          // A call in a `try` block is the attempt itself, not the retry.
          if (!handler && !branch) return undefined;
        }
        // `<ToastAction onClick={() => upload()}>Retry</ToastAction>`: the user retries, one click at a time.
        if (current.type === AST_NODE_TYPES.JSXAttribute) return undefined;
        if (isFunctionLike(current)) {
          const kind = handler ? undefined : getFailureCallbackKind(current);
          if (kind) {
            handler = current;
            closeEvent = kind === 'failure' ? undefined : kind.event;
          }
          const timerName = getTimerOfCallback(current);
          if (timerName) timer ??= timerName;
        }
        child = current;
      }
      if (!handler && !branch) return undefined;
      if (closeEvent !== undefined && (timer || (DONE_EVENTS.has(closeEvent) && !/connect/i.test(resolved.name)))) return undefined;
      return { target: resolved.target, name: resolved.name, handler, branch, timer };
    }

    /** `emitter.on('error', connect)`, `.once('disconnected', connect)`: the function handed over for a failure event. */
    function getEventListenerReference(call: TSESTree.CallExpression): TSESTree.Identifier | TSESTree.MemberExpression | undefined {
      const event = getEventName(call);
      const listener = call.arguments[1] && unwrapExpression(call.arguments[1]);
      if (event === undefined || (!FAILURE_EVENTS.has(event) && !CLOSE_EVENTS.has(event)) || !listener) return undefined;
      return listener.type === AST_NODE_TYPES.Identifier || listener.type === AST_NODE_TYPES.MemberExpression ? listener : undefined;
    }

    /** The event of `x.on('error', …)` / `x.once(…)`. */
    function getEventName(call: TSESTree.CallExpression): string | undefined {
      if (call.callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
      const method = getMemberPropertyName(call.callee);
      const event = call.arguments[0];
      return (method === 'on' || method === 'once') && event?.type === AST_NODE_TYPES.Literal && typeof event.value === 'string' ? event.value : undefined;
    }

    /** Whether the branch of `test` taken when it is `whenTrue` is the failure path: `!res.ok`, `else` of `res.ok`, `if (err)`. */
    function isFailureBranch(test: TSESTree.Node, whenTrue: boolean): boolean {
      const polarity = getSuccessPolarity(test);
      if (polarity !== undefined) return polarity !== whenTrue;
      return whenTrue && isErrorFirstTest(test);
    }

    /** `if (err)` where `err` is the first parameter of a callback: Node's error-first convention. */
    function isErrorFirstTest(test: TSESTree.Node): boolean {
      const node = unwrapExpression(test);
      if (node.type !== AST_NODE_TYPES.Identifier) return false;
      const variable = ASTUtils.findVariable(sourceCode.getScope(node), node.name);
      const definition = variable?.defs[0];
      if (definition?.type !== 'Parameter') return false;
      const fn = definition.node;
      if (!isFunctionLike(fn) || fn.params[0] !== definition.name) return false;
      const call = fn.parent;
      return (
        (call?.type === AST_NODE_TYPES.CallExpression || call?.type === AST_NODE_TYPES.NewExpression) &&
        call.arguments.at(-1) === fn &&
        fn.params.length <= 2
      );
    }

    function hasEnclosingFunctionNamed(node: TSESTree.Node, name: string): boolean {
      let current: TSESTree.Node | null | undefined = node.parent;
      while (current && !isFunctionLike(current)) current = current.parent;
      return current ? getEnclosingFunctionNames(current).has(name) : false;
    }

    /**
     * The names `fn` and the functions around it go by (`function connect`,
     * `const connect = …`, a `connect()` method), kept per function: every call
     * in a file asks, and deep trees (JSX) made the walk to the root costly.
     */
    function getEnclosingFunctionNames(fn: FunctionNode): ReadonlySet<string> {
      let names = enclosingFunctionNames.get(fn);
      if (!names) {
        let outer: TSESTree.Node | null | undefined = fn.parent;
        while (outer && !isFunctionLike(outer)) outer = outer.parent;
        names = new Set(outer ? getEnclosingFunctionNames(outer) : []);
        if (fn.id) names.add(fn.id.name);
        const owner = fn.parent;
        if (owner?.type === AST_NODE_TYPES.VariableDeclarator && owner.id.type === AST_NODE_TYPES.Identifier) names.add(owner.id.name);
        if (owner?.type === AST_NODE_TYPES.MethodDefinition || owner?.type === AST_NODE_TYPES.PropertyDefinition) {
          const key = getPropertyKeyName(owner);
          if (key !== undefined) names.add(key);
        }
        enclosingFunctionNames.set(fn, names);
      }
      return names;
    }

    /** The enclosing function that `reference` names: `connect`, `this.connect`. */
    function resolveSelfReference(reference: TSESTree.Node, from: TSESTree.Node): { target: FunctionNode; name: string } | undefined {
      const node = unwrapExpression(reference);
      if (node.type === AST_NODE_TYPES.Identifier) {
        const variable = ASTUtils.findVariable(sourceCode.getScope(from), node.name);
        for (const definition of variable?.defs ?? []) {
          let fn: TSESTree.Node | null | undefined;
          if (definition.type === 'FunctionName') fn = definition.node;
          else if (definition.node.type === AST_NODE_TYPES.VariableDeclarator && definition.node.init) {
            fn = unwrapExpression(definition.node.init);
          }
          if (fn && isFunctionLike(fn) && isAncestor(fn, from)) return { target: fn, name: node.name };
        }
        return undefined;
      }
      if (
        node.type === AST_NODE_TYPES.MemberExpression &&
        node.object.type === AST_NODE_TYPES.ThisExpression &&
        !node.computed
      ) {
        const name = node.property.name;
        // `this` must be the class instance: only arrow functions between the call and the method.
        for (let current: TSESTree.Node | undefined = from.parent; current; current = current.parent) {
          if (!isFunctionLike(current)) continue;
          const owner = current.parent;
          if (
            (owner?.type === AST_NODE_TYPES.MethodDefinition || owner?.type === AST_NODE_TYPES.PropertyDefinition) &&
            owner.value === current &&
            getPropertyKeyName(owner) === name
          ) {
            return { target: current, name: `this.${name}` };
          }
          if (current.type !== AST_NODE_TYPES.ArrowFunctionExpression) return undefined;
        }
      }
      return undefined;
    }

    /**
     * `.catch(cb)`, `.then(ok, cb)`, `.on('error', cb)`: a callback that runs when something failed
     * (with the event, for a connection's `close`/`disconnected`/`end`).
     */
    function getFailureCallbackKind(fn: FunctionNode): 'failure' | { event: string } | undefined {
      const call = fn.parent;
      if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
      const method = getMemberPropertyName(call.callee);
      const index = call.arguments.indexOf(fn as TSESTree.CallExpressionArgument);
      if (method === 'catch') return index === 0 ? 'failure' : undefined;
      if (method === 'then') return index === 1 ? 'failure' : undefined;
      const event = getEventName(call);
      if (index !== 1 || event === undefined) return undefined;
      return FAILURE_EVENTS.has(event) ? 'failure' : CLOSE_EVENTS.has(event) ? { event } : undefined;
    }

    function getTimerOfCallback(fn: FunctionNode): string | undefined {
      const call = fn.parent;
      if (call?.type !== AST_NODE_TYPES.CallExpression || call.arguments[0] !== fn) return undefined;
      const name = getMemberPath(call.callee)?.at(-1);
      return name && TIMER_FUNCTIONS.has(name) ? name : undefined;
    }

    function isTimerCall(call: TSESTree.CallExpression): boolean {
      const name = getMemberPath(call.callee)?.at(-1);
      return name !== undefined && TIMER_FUNCTIONS.has(name);
    }

    function getHandlerErrorNames(handler: TSESTree.CatchClause | FunctionNode): Set<string> {
      const names = new Set<string>();
      if (handler.type === AST_NODE_TYPES.CatchClause) {
        if (handler.param) for (const name of getPatternNames(handler.param)) names.add(name);
        addErrorAliases(handler.body, names);
      } else {
        const first = handler.params[0];
        if (first) for (const name of getPatternNames(first)) names.add(name);
        if (handler.body.type === AST_NODE_TYPES.BlockStatement) addErrorAliases(handler.body, names);
      }
      return names;
    }

    /** A `throw`/`return`/`process.exit` in the handler, before the retry, that is not only about the error. */
    function hasExitBefore(
      body: TSESTree.Node,
      site: TSESTree.Node,
      errorNames: ReadonlySet<string>,
      mutated: ReadonlySet<string>,
    ): boolean {
      let found = false;
      const visit = (node: TSESTree.Node, inTry: boolean): void => {
        if (found || node.range[0] >= site.range[0]) return;
        if (isFunctionLike(node) || node.type === AST_NODE_TYPES.ClassBody) return;
        let isExit = false;
        if (node.type === AST_NODE_TYPES.ReturnStatement) isExit = node.range[1] <= site.range[0];
        if (node.type === AST_NODE_TYPES.ThrowStatement) isExit = !inTry;
        if (node.type === AST_NODE_TYPES.CallExpression) {
          const path = getMemberPath(node.callee)?.join('.');
          isExit = path === 'process.exit' || path === 'process.abort';
        }
        if (isExit) {
          const guards = getGuards(node, body);
          if (guards.length === 0 || guards.some((guard) => !isErrorOnlyTest(guard.test, errorNames, mutated))) {
            found = true;
            return;
          }
        }
        if (node.type === AST_NODE_TYPES.TryStatement && node.handler) {
          visit(node.block, true);
          visit(node.handler, inTry);
          if (node.finalizer) visit(node.finalizer, inTry);
          return;
        }
        for (const child of getChildren(node)) visit(child, inTry);
      };
      visit(body, false);
      return found;
    }

    /**
     * An attempt parameter stops the recursion when the retry passes it a new value
     * (`attempt + 1`, `retries - 1`, `{ ...opts, left: n }`) or the function updates
     * it (`++count`), and the function tests it somewhere (`if (attempt >= max)`).
     * A parameter left out of the call restarts from its default, so it bounds nothing.
     */
    function hasAttemptParameter(target: FunctionNode, call: TSESTree.CallExpression, viaTimerReference: boolean): boolean {
      const args = viaTimerReference ? call.arguments.slice(2) : call.arguments;
      const mutated = getMutatedNames(target.body);
      const tested = getTestedNames(target.body);
      return target.params.some((param, index) => {
        const names = getPatternNames(param);
        if (!names.some((name) => tested.has(name))) return false;
        if (names.some((name) => mutated.has(name))) return true;
        const spread = args.find((arg) => arg.type === AST_NODE_TYPES.SpreadElement);
        if (spread) return true;
        const arg = args[index];
        if (!arg) return false;
        const value = unwrapExpression(arg);
        const simple = param.type === AST_NODE_TYPES.AssignmentPattern ? param.left : param;
        return !(
          simple.type === AST_NODE_TYPES.Identifier &&
          value.type === AST_NODE_TYPES.Identifier &&
          value.name === simple.name
        );
      });
    }

    /** Some self-call of `target` through a timer sits on no failure path. */
    function reschedulesAfterSuccess(target: FunctionNode): boolean {
      return someNode(target.body, (node) => {
        if (node.type !== AST_NODE_TYPES.CallExpression || !isTimerCall(node) || !node.arguments[0]) return false;
        // `setTimeout(poll, ms)` is the self-call; in `setTimeout(() => this.poll(), ms)` the call inside is.
        const scheduled = unwrapExpression(node.arguments[0]);
        const site = isFunctionLike(scheduled)
          ? findNode(scheduled.body, (inner) => inner.type === AST_NODE_TYPES.CallExpression && containsSelfReference(inner.callee, target))
          : containsSelfReference(scheduled, target) ? node : undefined;
        return site?.type === AST_NODE_TYPES.CallExpression && getRecursion(site) === undefined;
      }, sourceCode.visitorKeys, () => true);
    }

    /** The function reads the next item of a cursor or iterator itself: `cursor.next((err, doc) => …)`. */
    function advancesCursor(target: FunctionNode): boolean {
      return someNode(target.body, (node) =>
        node.type === AST_NODE_TYPES.CallExpression && node.callee.type === AST_NODE_TYPES.MemberExpression &&
        getMemberPropertyName(node.callee) === 'next' && node.callee.object.type !== AST_NODE_TYPES.ThisExpression, sourceCode.visitorKeys, () => true);
    }

    /** An argument computed from the parameter in its place (`dirname(p)`, `node.parent`), not the same value again. */
    function passesDerivedInput(target: FunctionNode, call: TSESTree.CallExpression): boolean {
      return target.params.some((param, index) => {
        const simple = param.type === AST_NODE_TYPES.AssignmentPattern ? param.left : param;
        const arg = call.arguments[index];
        if (simple.type !== AST_NODE_TYPES.Identifier || !arg) return false;
        const value = unwrapExpression(arg);
        return (value.type === AST_NODE_TYPES.CallExpression || value.type === AST_NODE_TYPES.MemberExpression) &&
          referencesAny(value, new Set([simple.name]));
      });
    }

    /** A function that re-schedules itself after success too (`try { work(); setTimeout(poll) } catch { setTimeout(poll) }`). */
    function isPoller(handler: TSESTree.CatchClause | FunctionNode, target: FunctionNode): boolean {
      if (handler.type === AST_NODE_TYPES.CatchClause) {
        const tryStatement = handler.parent;
        if (tryStatement.finalizer && containsSelfReference(tryStatement.finalizer, target)) return true;
        return containsSelfReference(tryStatement.block, target) && !containsReturn(tryStatement.block);
      }
      // `.then(() => setTimeout(poll)).catch(() => setTimeout(poll))` or `.finally(…)`.
      const call = handler.parent;
      if (call?.type !== AST_NODE_TYPES.CallExpression) return false;
      let chain: TSESTree.Node = call;
      while (chain.type === AST_NODE_TYPES.CallExpression && chain.callee.type === AST_NODE_TYPES.MemberExpression) {
        for (const arg of chain.arguments) {
          if (arg !== handler && isFunctionLike(arg) && getFailureCallbackKind(arg) === undefined && containsSelfReference(arg, target)) return true;
        }
        chain = unwrapExpression(chain.callee.object);
      }
      return false;
    }

    function containsSelfReference(root: TSESTree.Node, target: FunctionNode): boolean {
      let found = false;
      walk(root, (node) => {
        if (found) return false;
        if (node.type === AST_NODE_TYPES.Identifier || node.type === AST_NODE_TYPES.MemberExpression) {
          if (resolveSelfReference(node, node)?.target === target) found = true;
          return node.type !== AST_NODE_TYPES.MemberExpression;
        }
        return true;
      });
      return found;
    }

    function containsReturn(root: TSESTree.Node): boolean {
      let found = false;
      walk(root, (node) => {
        if (node.type === AST_NODE_TYPES.ReturnStatement) found = true;
        return !found && !isFunctionLike(node);
      });
      return found;
    }

    // --------------------------------------------------------------- options

    /**
     * `retries: Infinity`, `attempts: Number.MAX_SAFE_INTEGER`, got's `retry: { limit: Infinity }`,
     * a count at or above `attemptLimit`, and node-retry's `forever: true` given to a retry library.
     */
    function checkOption(property: TSESTree.Property): void {
      const name = getPropertyKeyName(property);
      if (name === undefined) return;
      const value = property.value.type === AST_NODE_TYPES.AssignmentPattern ? property.value.right : property.value;
      if (name === 'forever') {
        if (property.parent.type !== AST_NODE_TYPES.ObjectExpression || !isTrueLiteral(value)) return;
        if (!isForeverLibraryOptions(property.parent)) return;
      } else if (attemptOptions.has(name) || (name === 'limit' && isRetryLimitObject(property.parent))) {
        if (!isUnboundedValue(value)) return;
        if (property.parent.type === AST_NODE_TYPES.ObjectExpression && isReconnectOptions(property.parent)) return;
      } else {
        return;
      }
      context.report({
        node: property,
        messageId: 'unboundedOption',
        data: { option: name, value: sourceCode.getText(value) },
      });
    }

    /**
     * `withRetry(fn, Infinity)`, `retryAsync(job, Number.MAX_SAFE_INTEGER)`: a
     * project's own retry helper (its name says retry) told by position to
     * never stop. Only infinities count: a large number there may be a delay.
     */
    function checkRetryHelperArguments(call: TSESTree.CallExpression): void {
      if (call.arguments.length < 2) return;
      const callee = getCalleeName(call);
      if (callee === undefined || !splitIdentifierWords(callee).some((word) => word === 'retry' || word === 'retries')) return;
      for (const argument of call.arguments.slice(1)) {
        if (argument.type === AST_NODE_TYPES.SpreadElement || !isInfinity(argument)) continue;
        context.report({ node: argument, messageId: 'unboundedArgument', data: { callee, value: sourceCode.getText(argument) } });
      }
    }

    /** `Infinity`, `Number.MAX_SAFE_INTEGER`, `Number.POSITIVE_INFINITY`, or a `const` holding one. */
    function isInfinity(node: TSESTree.Node, depth = 0): boolean {
      const value = unwrapExpression(node);
      const path = getMemberPath(value)?.join('.');
      if (path !== undefined && UNBOUNDED_NUMBER_NAMES.has(path)) return value.type !== AST_NODE_TYPES.Identifier || isGlobal(value);
      if (value.type !== AST_NODE_TYPES.Identifier || depth > 1) return false;
      const definition = ASTUtils.findVariable(sourceCode.getScope(value), value.name)?.defs[0];
      return definition?.node.type === AST_NODE_TYPES.VariableDeclarator && definition.parent?.type === AST_NODE_TYPES.VariableDeclaration &&
        definition.parent.kind === 'const' && definition.node.init !== null && isInfinity(definition.node.init, depth + 1);
    }

    /**
     * A socket or tunnel client's reconnect settings (`{ WebSocket: ws, maxRetries: Infinity,
     * minReconnectionDelay }`): staying connected for the life of the process is the design.
     */
    function isReconnectOptions(object: TSESTree.ObjectExpression): boolean {
      return object.properties.some((property) => {
        const key = property.type === AST_NODE_TYPES.Property ? getPropertyKeyName(property) : undefined;
        return key !== undefined && RECONNECT_OPTION.test(key);
      });
    }

    function isRetryLimitObject(object: TSESTree.Node): boolean {
      const owner = object.parent;
      if (owner?.type !== AST_NODE_TYPES.Property || owner.value !== object) return false;
      const key = getPropertyKeyName(owner);
      return key !== undefined && RETRY_LIMIT_PARENT_OPTIONS.has(key);
    }

    /** Whether an options object is given (directly or through a `const`) to a function imported from a retry library. */
    function isForeverLibraryOptions(object: TSESTree.ObjectExpression): boolean {
      const parent = object.parent;
      if (parent.type === AST_NODE_TYPES.CallExpression || parent.type === AST_NODE_TYPES.NewExpression) {
        return parent.arguments.includes(object) && isForeverLibraryCall(parent);
      }
      if (parent.type === AST_NODE_TYPES.VariableDeclarator && parent.id.type === AST_NODE_TYPES.Identifier) {
        const variable = ASTUtils.findVariable(sourceCode.getScope(parent), parent.id.name);
        return (variable?.references ?? []).some((reference) => {
          const use = reference.identifier.parent;
          return (
            (use.type === AST_NODE_TYPES.CallExpression || use.type === AST_NODE_TYPES.NewExpression) &&
            use.arguments.includes(reference.identifier as TSESTree.Expression) &&
            isForeverLibraryCall(use)
          );
        });
      }
      return false;
    }

    function isForeverLibraryCall(call: TSESTree.CallExpression | TSESTree.NewExpression): boolean {
      const root = getMemberPath(call.callee)?.[0];
      if (root === undefined || root === 'this') return false;
      const module = getImportedModule(root, call);
      return module !== undefined && foreverLibraries.has(module);
    }

    /** The module a local name is imported or required from. */
    function getImportedModule(name: string, from: TSESTree.Node): string | undefined {
      const variable = ASTUtils.findVariable(sourceCode.getScope(from), name);
      for (const definition of variable?.defs ?? []) {
        if (definition.type === 'ImportBinding') {
          const declaration = definition.node.parent;
          if (declaration?.type === AST_NODE_TYPES.ImportDeclaration) return declaration.source.value;
          return undefined;
        }
        if (definition.node.type === AST_NODE_TYPES.VariableDeclarator && definition.node.init) {
          return getRequiredModule(definition.node.init);
        }
      }
      return undefined;
    }

    /** `require('x')`, `require('x').default`, `await import('x')`. */
    function getRequiredModule(init: TSESTree.Node): string | undefined {
      let node = unwrapExpression(init);
      if (node.type === AST_NODE_TYPES.MemberExpression) node = unwrapExpression(node.object);
      if (
        node.type === AST_NODE_TYPES.CallExpression &&
        node.callee.type === AST_NODE_TYPES.Identifier &&
        node.callee.name === 'require' &&
        node.arguments[0]?.type === AST_NODE_TYPES.Literal
      ) {
        return String(node.arguments[0].value);
      }
      if (node.type === AST_NODE_TYPES.ImportExpression && node.source.type === AST_NODE_TYPES.Literal) {
        return String(node.source.value);
      }
      return undefined;
    }

    /** `Infinity`, `Number.MAX_SAFE_INTEGER`, `'INFINITELY'`, a count ≥ `attemptLimit`, or a `const` holding one. */
    function isUnboundedValue(node: TSESTree.Node, depth = 0): boolean {
      const value = unwrapExpression(node);
      if (value.type === AST_NODE_TYPES.LogicalExpression && value.operator !== '&&') {
        // `opts.retries ?? Infinity`: forever unless someone configures it.
        return isUnboundedValue(value.right, depth);
      }
      if (value.type === AST_NODE_TYPES.ConditionalExpression) {
        return isUnboundedValue(value.consequent, depth) || isUnboundedValue(value.alternate, depth);
      }
      if (value.type === AST_NODE_TYPES.Literal) {
        if (typeof value.value === 'number') return value.value >= options.attemptLimit;
        return typeof value.value === 'string' && UNBOUNDED_RETRY_STRINGS.has(value.value);
      }
      const path = getMemberPath(value)?.join('.');
      if (path === undefined) return false;
      if (UNBOUNDED_NUMBER_NAMES.has(path) && (value.type !== AST_NODE_TYPES.Identifier || isGlobal(value))) return true;
      if (value.type === AST_NODE_TYPES.Identifier && depth < 2) {
        const variable = ASTUtils.findVariable(sourceCode.getScope(value), value.name);
        const definition = variable?.defs[0];
        if (
          variable?.defs.length === 1 &&
          definition?.node.type === AST_NODE_TYPES.VariableDeclarator &&
          definition.parent?.type === AST_NODE_TYPES.VariableDeclaration &&
          definition.parent.kind === 'const' &&
          definition.node.init
        ) {
          return isUnboundedValue(definition.node.init, depth + 1);
        }
      }
      return false;
    }

    function isGlobal(identifier: TSESTree.Identifier): boolean {
      const variable = ASTUtils.findVariable(sourceCode.getScope(identifier), identifier.name);
      return !variable || variable.defs.length === 0;
    }

    // ---------------------------------------------------------------- shared

    /** The conditions between a node and `stop` that decide whether it runs. */
    function getGuards(node: TSESTree.Node, stop: TSESTree.Node): Guard[] {
      const guards: Guard[] = [];
      let child = node;
      for (let current = node.parent; current && current !== stop; current = current.parent) {
        switch (current.type) {
          case AST_NODE_TYPES.IfStatement:
          case AST_NODE_TYPES.ConditionalExpression:
            if (child !== current.test) guards.push({ test: current.test, whenTrue: child === current.consequent });
            break;
          case AST_NODE_TYPES.LogicalExpression:
            if (child === current.right) {
              guards.push({ test: current.left, whenTrue: current.operator === '&&' ? true : current.operator === '||' ? false : undefined });
            }
            break;
          case AST_NODE_TYPES.SwitchCase:
            guards.push({ test: current.parent.discriminant, whenTrue: undefined });
            break;
          case AST_NODE_TYPES.WhileStatement:
          case AST_NODE_TYPES.DoWhileStatement:
          case AST_NODE_TYPES.ForStatement:
            if (current.test && child !== current.test) guards.push({ test: current.test, whenTrue: true });
            break;
          default:
            break;
        }
        child = current;
      }
      return guards;
    }

    /** A guard that holds when the call worked: `res.ok`, `result.success`, `res.status === 200`, `!res.ok` on the else branch. */
    function isSuccessGuard(guard: Guard): boolean {
      if (guard.whenTrue === undefined) return false;
      const polarity = getSuccessPolarity(guard.test);
      return polarity !== undefined && polarity === guard.whenTrue;
    }

    /** `true` when the test holds on success, `false` when it holds on failure, undefined when it says neither. */
    function getSuccessPolarity(test: TSESTree.Node): boolean | undefined {
      const node = unwrapExpression(test);
      if (node.type === AST_NODE_TYPES.UnaryExpression && node.operator === '!') {
        const inner = getSuccessPolarity(node.argument);
        return inner === undefined ? undefined : !inner;
      }
      if (node.type === AST_NODE_TYPES.MemberExpression) {
        const name = getMemberPath(node)?.at(-1);
        return name !== undefined && SUCCESS_MEMBERS.has(name) ? true : undefined;
      }
      if (node.type === AST_NODE_TYPES.LogicalExpression && node.operator === '&&') {
        const left = getSuccessPolarity(node.left);
        const right = getSuccessPolarity(node.right);
        return left === true || right === true ? true : undefined;
      }
      // `res.status === 429 || res.status >= 500`: holds when either failure does.
      if (node.type === AST_NODE_TYPES.LogicalExpression && node.operator === '||') {
        const left = getSuccessPolarity(node.left);
        const right = getSuccessPolarity(node.right);
        return (left === false || right === false) && left !== true && right !== true ? false : undefined;
      }
      if (node.type === AST_NODE_TYPES.BinaryExpression && COMPARISON_OPERATORS.has(node.operator)) {
        const status = isStatusRead(node.left) ? node.right : isStatusRead(node.right) ? node.left : undefined;
        const code = status && unwrapExpression(status);
        if (code?.type !== AST_NODE_TYPES.Literal || typeof code.value !== 'number') return undefined;
        const isOk = code.value >= 200 && code.value < 300;
        // A status a server sends to say "try again": too many requests, timeouts, server errors.
        const isRetryable = code.value === 408 || code.value === 425 || code.value === 429 || code.value >= 500;
        switch (node.operator) {
          case '===':
          case '==':
            return isOk ? true : isRetryable ? false : undefined;
          case '>=':
            return isStatusRead(node.left) && code.value >= 500 ? false : undefined;
          case '>':
            return isStatusRead(node.left) && code.value >= 499 ? false : undefined;
          case '!==':
          case '!=':
            return isOk ? false : undefined;
          case '<':
            return isStatusRead(node.left) && code.value <= 400 ? true : undefined;
          default:
            return undefined;
        }
      }
      return undefined;
    }

    function isStatusRead(node: TSESTree.Node): boolean {
      const name = getMemberPath(node)?.at(-1);
      return name !== undefined && STATUS_MEMBERS.has(name) && unwrapExpression(node).type === AST_NODE_TYPES.MemberExpression;
    }

    /** A test tied to a counter (a name updated with `++`/`+=` in the loop or function) or to the clock. */
    function isBoundTest(test: TSESTree.Node, mutated: ReadonlySet<string>): boolean {
      let found = false;
      walk(test, (node) => {
        if (found) return false;
        if (isTimeRead(node)) found = true;
        else if (node.type === AST_NODE_TYPES.Identifier || node.type === AST_NODE_TYPES.MemberExpression) {
          const path = getFlagPath(node);
          if (path && mutated.has(path)) found = true;
          else if (node.type === AST_NODE_TYPES.Identifier && isTimeDerived(node)) found = true;
        }
        return !found;
      });
      return found;
    }

    /** A variable computed from the clock: `const elapsed = Date.now() - start`, `deadline = Date.now() + ms`. */
    function isTimeDerived(identifier: TSESTree.Identifier): boolean {
      const variable = ASTUtils.findVariable(sourceCode.getScope(identifier), identifier.name);
      if (!variable) return false;
      return variable.references.some((reference) => {
        const written = reference.writeExpr;
        if (!reference.isWrite() || !written) return false;
        let found = false;
        walk(written, (node) => {
          if (isTimeRead(node)) found = true;
          return !found && !isFunctionLike(node);
        });
        return found;
      });
    }

    /** A `return`/`throw` anywhere in the function (not in nested callbacks) behind a counter or deadline check. */
    function hasBoundExitInFunction(target: FunctionNode, mutated: ReadonlySet<string>): boolean {
      let found = false;
      walk(target.body, (node) => {
        if (found || isFunctionLike(node)) return false;
        if (node.type === AST_NODE_TYPES.ReturnStatement || node.type === AST_NODE_TYPES.ThrowStatement) {
          if (getGuards(node, target).some((guard) => isBoundTest(guard.test, mutated))) found = true;
        }
        return !found;
      });
      return found;
    }

    /**
     * A test that only classifies the caught error (`if (!isRetryable(err)) throw err`,
     * `err.code !== 'ECONNREFUSED'`): it reads the error and otherwise only constants,
     * imports and functions, so it bounds nothing for a retryable failure.
     */
    function isErrorOnlyTest(test: TSESTree.Node, errorNames: ReadonlySet<string>, mutated: ReadonlySet<string>): boolean {
      if (errorNames.size === 0) return false;
      let readsError = false;
      let readsState = false;
      const scan = (node: TSESTree.Node): void => {
        if (readsState) return;
        if (isTimeRead(node)) {
          readsState = true;
          return;
        }
        switch (node.type) {
          case AST_NODE_TYPES.Identifier:
            if (errorNames.has(node.name)) readsError = true;
            else if (!isStaticName(node, test, mutated)) readsState = true;
            return;
          case AST_NODE_TYPES.MemberExpression: {
            const path = getFlagPath(node);
            if (path && mutated.has(path)) {
              readsState = true;
              return;
            }
            if (node.object.type === AST_NODE_TYPES.ThisExpression) {
              // `this.stopped` is state; `this.isRetryable(err)` is a classifier.
              const isCallee = node.parent.type === AST_NODE_TYPES.CallExpression && node.parent.callee === node;
              if (!isCallee) readsState = true;
              return;
            }
            scan(node.object);
            if (node.computed) scan(node.property);
            return;
          }
          case AST_NODE_TYPES.Property:
            if (node.computed) scan(node.key);
            scan(node.value);
            return;
          default:
            for (const child of getChildren(node)) scan(child);
        }
      };
      scan(test);
      return readsError && !readsState;
    }

    /**
     * An import, a function, a class, a global, a name declared inside the test itself
     * (`codes.some((code) => …)`), or a `const` not computed from the clock or a
     * counter: nothing that moves towards an end between attempts.
     */
    function isStaticName(identifier: TSESTree.Identifier, test: TSESTree.Node, mutated: ReadonlySet<string>): boolean {
      const variable = ASTUtils.findVariable(sourceCode.getScope(identifier), identifier.name);
      if (!variable || variable.defs.length === 0) return true;
      return variable.defs.every((definition) => {
        if (isAncestor(test, definition.name) || definition.name === test) return true;
        if (definition.type === 'ImportBinding' || definition.type === 'FunctionName' || definition.type === 'ClassName') return true;
        if (definition.type === 'Variable' && definition.parent?.type === AST_NODE_TYPES.VariableDeclaration) {
          if (definition.parent.kind !== 'const') return false;
          const init = definition.node.type === AST_NODE_TYPES.VariableDeclarator ? definition.node.init : null;
          return !init || !isBoundTest(init, mutated);
        }
        return definition.type === 'Type' || definition.type === 'TSEnumName';
      });
    }

    function isTimeRead(node: TSESTree.Node): boolean {
      if (node.type === AST_NODE_TYPES.NewExpression) {
        return node.callee.type === AST_NODE_TYPES.Identifier && node.callee.name === 'Date';
      }
      if (node.type === AST_NODE_TYPES.CallExpression) {
        const path = getMemberPath(node.callee)?.join('.');
        return path !== undefined && (CLOCK_CALLS.has(path) || path.endsWith('.getTime'));
      }
      if (node.type === AST_NODE_TYPES.MemberExpression) {
        return getMemberPath(node)?.at(-1) === 'aborted';
      }
      return false;
    }

    /** Paths updated with `++`, `--` or a compound assignment anywhere under `root`. */
    function getMutatedNames(root: TSESTree.Node): Set<string> {
      const names = new Set<string>();
      walk(root, (node) => {
        if (node.type === AST_NODE_TYPES.UpdateExpression) {
          const path = getFlagPath(node.argument);
          if (path) names.add(path);
        } else if (node.type === AST_NODE_TYPES.AssignmentExpression && node.operator !== '=') {
          const path = getFlagPath(node.left);
          if (path) names.add(path);
        }
        return true;
      });
      return names;
    }

    /** Names read in a condition or a comparison anywhere under `root`. */
    function getTestedNames(root: TSESTree.Node): Set<string> {
      const names = new Set<string>();
      const addAll = (node: TSESTree.Node) =>
        walk(node, (inner) => {
          if (inner.type === AST_NODE_TYPES.Identifier) names.add(inner.name);
          return true;
        });
      walk(root, (node) => {
        switch (node.type) {
          case AST_NODE_TYPES.IfStatement:
          case AST_NODE_TYPES.ConditionalExpression:
          case AST_NODE_TYPES.WhileStatement:
          case AST_NODE_TYPES.DoWhileStatement:
            addAll(node.test);
            break;
          case AST_NODE_TYPES.ForStatement:
            if (node.test) addAll(node.test);
            break;
          case AST_NODE_TYPES.LogicalExpression:
            addAll(node.left);
            break;
          case AST_NODE_TYPES.BinaryExpression:
            if (COMPARISON_OPERATORS.has(node.operator)) addAll(node);
            break;
          default:
            break;
        }
        return true;
      });
      return names;
    }

    function containsAwaitOrCall(root: TSESTree.Node): boolean {
      let found = false;
      walk(root, (node) => {
        if (node.type === AST_NODE_TYPES.AwaitExpression || node.type === AST_NODE_TYPES.CallExpression) found = true;
        return !found && !isFunctionLike(node);
      });
      return found;
    }

    function referencesAny(root: TSESTree.Node, names: ReadonlySet<string>): boolean {
      let found = false;
      walk(root, (node) => {
        if (node.type === AST_NODE_TYPES.Identifier && names.has(node.name)) found = true;
        return !found;
      });
      return found;
    }

    /** Depth-first walk; `visit` returns false to skip a node's children. */
    function walk(root: TSESTree.Node, visit: (node: TSESTree.Node) => boolean): void {
      if (!visit(root)) return;
      for (const child of getChildren(root)) walk(child, visit);
    }

    function getChildren(node: TSESTree.Node): TSESTree.Node[] {
      const children: TSESTree.Node[] = [];
      const keys = sourceCode.visitorKeys[node.type] ?? [];
      for (const key of keys) {
        const value = (node as unknown as Record<string, unknown>)[key];
        if (Array.isArray(value)) {
          for (const item of value) if (isNode(item)) children.push(item);
        } else if (isNode(value)) {
          children.push(value);
        }
      }
      return children;
    }
  },
});

function isNode(value: unknown): value is TSESTree.Node {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}

function isFunctionLike(node: TSESTree.Node): node is FunctionNode {
  return (
    node.type === AST_NODE_TYPES.FunctionDeclaration ||
    node.type === AST_NODE_TYPES.FunctionExpression ||
    node.type === AST_NODE_TYPES.ArrowFunctionExpression
  );
}

function isAncestor(ancestor: TSESTree.Node, node: TSESTree.Node): boolean {
  for (let current = node.parent; current; current = current.parent) {
    if (current === ancestor) return true;
  }
  return false;
}

function isFalsyLiteral(node: TSESTree.Node): boolean {
  const value = unwrapExpression(node);
  if (value.type === AST_NODE_TYPES.Identifier) return value.name === 'undefined';
  return value.type === AST_NODE_TYPES.Literal && !value.value && !('regex' in value && value.regex);
}

function isTrueLiteral(node: TSESTree.Node): boolean {
  const value = unwrapExpression(node);
  return value.type === AST_NODE_TYPES.Literal && value.value === true;
}

/** `true`, a number, or the result of a call (`done = true`, `result = await fetchToken()`). */
function isSuccessValue(node: TSESTree.Node): boolean {
  const value = unwrapExpression(node);
  if (value.type === AST_NODE_TYPES.Literal) return Boolean(value.value);
  return value.type === AST_NODE_TYPES.CallExpression || value.type === AST_NODE_TYPES.NewExpression;
}

/** The names a parameter or binding pattern declares. */
function getPatternNames(pattern: TSESTree.Node): string[] {
  switch (pattern.type) {
    case AST_NODE_TYPES.Identifier:
      return [pattern.name];
    case AST_NODE_TYPES.AssignmentPattern:
      return getPatternNames(pattern.left);
    case AST_NODE_TYPES.RestElement:
      return getPatternNames(pattern.argument);
    case AST_NODE_TYPES.TSParameterProperty:
      return getPatternNames(pattern.parameter);
    case AST_NODE_TYPES.ArrayPattern:
      return pattern.elements.flatMap((element) => (element ? getPatternNames(element) : []));
    case AST_NODE_TYPES.ObjectPattern:
      return pattern.properties.flatMap((property) =>
        property.type === AST_NODE_TYPES.RestElement ? getPatternNames(property) : getPatternNames(property.value),
      );
    default:
      return [];
  }
}

function endsWithContinue(block: TSESTree.Statement): boolean {
  const last = block.type === AST_NODE_TYPES.BlockStatement ? block.body.at(-1) : block;
  return last?.type === AST_NODE_TYPES.ContinueStatement && last.label === null;
}
