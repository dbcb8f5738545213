import { ASTUtils, AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { createRule } from '../utils/create-rule.js';
import { findProperty, getCalleeName, getMemberPath, getMemberPropertyName, unwrapExpression } from '../utils/ast.js';
import { getModuleBinding } from '../utils/module-bindings.js';
import { mayMentionModule, mayMentionWord } from '../utils/text-gate.js';

type MessageIds = 'missingFileSize' | 'unboundedLimit';
type Options = [
  {
    uploadFactories?: string[];
  },
];

/**
 * Upload parsers whose file size is unlimited unless `limits.fileSize` is set:
 * multer (`limits.fileSize` defaults to Infinity), busboy (likewise) and
 * express-fileupload (`limits` defaults to none). formidable (200 MB) and
 * @fastify/multipart (1 MB) have finite defaults and are only checked for an
 * explicit unbounded value.
 */
const UNLIMITED_BY_DEFAULT: Readonly<Record<string, string>> = {
  multer: 'multer',
  busboy: 'busboy',
  'connect-busboy': 'connect-busboy',
  'express-fileupload': 'express-fileupload',
};

/** Option paths that bound an upload or a body, per module; checked for Infinity-like values. */
const LIMIT_OPTION_PATHS: Readonly<Record<string, readonly (readonly string[])[]>> = {
  multer: [['limits', 'fileSize'], ['limits', 'fieldSize'], ['limits', 'files']],
  busboy: [['limits', 'fileSize'], ['limits', 'files']],
  'connect-busboy': [['limits', 'fileSize'], ['limits', 'files']],
  'express-fileupload': [['limits', 'fileSize']],
  formidable: [['maxFileSize'], ['maxTotalFileSize'], ['maxFieldsSize'], ['maxFiles']],
  '@fastify/multipart': [['limits', 'fileSize'], ['limits', 'files'], ['limits', 'fieldSize']],
  'fastify-multipart': [['limits', 'fileSize'], ['limits', 'files'], ['limits', 'fieldSize']],
  'body-parser': [['limit']],
  express: [['limit']],
  fastify: [['bodyLimit']],
  'koa-body': [['formLimit'], ['jsonLimit'], ['textLimit'], ['formidable', 'maxFileSize']],
  'koa-bodyparser': [['formLimit'], ['jsonLimit'], ['textLimit']],
};

/** The modules whose calls are checked (`formidable/…` entry points included). */
const CONFIGURED_MODULES = Object.keys(LIMIT_OPTION_PATHS);

/** express / body-parser factories that parse a body: `express.json()`, `bodyParser.urlencoded()`, `json()`. */
const BODY_PARSER_METHODS: ReadonlySet<string> = new Set(['json', 'urlencoded', 'text', 'raw']);

/** Above this many bytes a configured limit counts as no limit (1 TiB). */
const UNBOUNDED_BYTES = 2 ** 40;

export default createRule<Options, MessageIds>({
  name: 'require-upload-limits',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require a size limit on upload and body parsers (multer, busboy, express-fileupload, formidable, @fastify/multipart, body parsers)',
      category: 'upload-without-limits',
      cwe: ['CWE-770', 'CWE-400'],
      recommended: 'strict',
      severity: 'error',
      requiresTypeChecking: false,
    },
    messages: {
      missingFileSize:
        '`{{call}}` accepts files of any size: {{library}} sets no file size limit by default, so one request can fill the disk or memory. Set `limits: { fileSize: … }` (and `files`) to the largest upload you expect.',
      unboundedLimit:
        '`{{option}}` is unbounded in `{{call}}`, so one request can exhaust memory or disk. Set a finite limit that fits the largest real upload or body.',
    },
    schema: [
      {
        type: 'object',
        properties: {
          uploadFactories: {
            type: 'array',
            items: { type: 'string' },
            description: 'Names of your own wrappers that call multer with their argument as the options (`createUpload`), checked like `multer()`.',
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ uploadFactories: [] }],
  },
  create(context, [options]) {
    const sourceCode = context.sourceCode;
    const uploadFactories = new Set(options.uploadFactories ?? []);
    // Every finding is on a call of one of these modules, or of a team's upload factory.
    if (!mayMentionModule(sourceCode, CONFIGURED_MODULES) && !mayMentionWord(sourceCode, uploadFactories)) return {};

    return {
      CallExpression(node) {
        check(node);
      },
      NewExpression(node) {
        check(node);
      },
    };

    function check(node: TSESTree.CallExpression | TSESTree.NewExpression): void {
      const target = getUploadTarget(node);
      if (!target) return;
      const { module, optionsNode } = target;
      const call = getCallLabel(node);
      const optionsObject = optionsNode ? resolveObject(optionsNode) : undefined;
      // Options we cannot see (a parameter, an imported object, a spread) may set the limit: stay quiet.
      if (optionsNode && !optionsObject) return;

      for (const path of LIMIT_OPTION_PATHS[module] ?? []) {
        const value = optionsObject ? getOptionValue(optionsObject, path) : undefined;
        if (value && isUnbounded(value)) {
          context.report({ node: value, messageId: 'unboundedLimit', data: { option: path.join('.'), call } });
          return;
        }
      }
      const library = UNLIMITED_BY_DEFAULT[module];
      if (library === undefined || (module === 'multer' && acceptsNoFiles(node))) return;
      if (optionsObject && hasUnknownParts(optionsObject)) return;
      const fileSize = optionsObject ? getOptionValue(optionsObject, ['limits', 'fileSize']) : undefined;
      if (fileSize) return;
      // `limits: someConst` we could not read: quiet.
      const limits = optionsObject ? findProperty(optionsObject, 'limits')?.value : undefined;
      if (limits && !resolveObject(limits)) return;
      context.report({ node, messageId: 'missingFileSize', data: { call, library } });
    }

    /**
     * `multer().none()`, or an instance used only through `.none()`: it takes text fields and turns any file
     * part down (`LIMIT_UNEXPECTED_FILE`), so there is no file to limit.
     */
    function acceptsNoFiles(node: TSESTree.CallExpression | TSESTree.NewExpression): boolean {
      const isNone = (member: TSESTree.Node | undefined) => member?.type === AST_NODE_TYPES.MemberExpression && getMemberPropertyName(member) === 'none';
      if (isNone(node.parent)) return true;
      const declarator = node.parent;
      if (declarator.type !== AST_NODE_TYPES.VariableDeclarator || declarator.id.type !== AST_NODE_TYPES.Identifier) return false;
      const uses = ASTUtils.findVariable(sourceCode.getScope(declarator), declarator.id)?.references.filter((reference) => reference.identifier !== declarator.id) ?? [];
      return uses.length > 0 && uses.every((reference) => isNone(reference.identifier.parent));
    }

    /** Which library a call configures and where its options are. */
    function getUploadTarget(node: TSESTree.CallExpression | TSESTree.NewExpression): { module: string; optionsNode: TSESTree.Node | undefined } | undefined {
      const callee = unwrapExpression(node.callee);
      const args = node.arguments;
      const argumentAt = (index: number) => {
        const argument = args[index];
        return argument && argument.type !== AST_NODE_TYPES.SpreadElement ? argument : undefined;
      };
      if (args.some((argument) => argument.type === AST_NODE_TYPES.SpreadElement)) return undefined;

      if (callee.type === AST_NODE_TYPES.Identifier) {
        if (uploadFactories.has(callee.name)) return { module: 'multer', optionsNode: argumentAt(0) };
        const binding = getModuleBinding(sourceCode, callee);
        if (!binding) return undefined;
        const module = normalizeModule(binding.source);
        if (module === 'express' || module === 'body-parser') {
          // `import { json } from 'express'` → json({ limit })
          return BODY_PARSER_METHODS.has(binding.imported) ? { module, optionsNode: argumentAt(0) } : undefined;
        }
        if (module === 'fastify') {
          return binding.imported === 'default' || binding.imported === '*' || binding.imported === 'fastify'
            ? { module, optionsNode: argumentAt(0) }
            : undefined;
        }
        if (module === 'formidable') {
          // `formidable(opts)`, `new IncomingForm(opts)`, `new Formidable(opts)`
          return { module, optionsNode: argumentAt(0) };
        }
        if (module in LIMIT_OPTION_PATHS && (binding.imported === 'default' || binding.imported === '*' || module === 'busboy')) {
          return { module, optionsNode: argumentAt(0) };
        }
        return undefined;
      }
      // `require('multer')()`: the module called where it is required.
      if (callee.type === AST_NODE_TYPES.CallExpression && isRequireOf(callee, 'multer')) return { module: 'multer', optionsNode: argumentAt(0) };
      if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
      const method = getMemberPropertyName(callee);
      const object = unwrapExpression(callee.object);

      // `fastify.register(multipart, { limits })`
      if (method === 'register') {
        const plugin = argumentAt(0);
        const pluginNode = plugin ? unwrapExpression(plugin) : undefined;
        if (pluginNode?.type !== AST_NODE_TYPES.Identifier) return undefined;
        const module = normalizeModule(getModuleBinding(sourceCode, pluginNode)?.source ?? '');
        return module === '@fastify/multipart' || module === 'fastify-multipart' ? { module, optionsNode: argumentAt(1) } : undefined;
      }
      if (object.type !== AST_NODE_TYPES.Identifier || method === undefined) return undefined;
      // Only these methods configure a parser: most member calls stop here, before any scope lookup.
      if (!BODY_PARSER_METHODS.has(method) && method !== 'IncomingForm' && method !== 'Formidable') return undefined;
      const binding = getModuleBinding(sourceCode, object);
      if (!binding) return undefined;
      const module = normalizeModule(binding.source);
      // `express.json({ limit })`, `bodyParser.urlencoded({ limit })`
      if ((module === 'express' || module === 'body-parser') && BODY_PARSER_METHODS.has(method)) return { module, optionsNode: argumentAt(0) };
      // `new formidable.IncomingForm(opts)`
      if (module === 'formidable' && (method === 'IncomingForm' || method === 'Formidable')) return { module, optionsNode: argumentAt(0) };
      return undefined;
    }

    function normalizeModule(source: string): string {
      if (source === 'formidable' || source.startsWith('formidable/')) return 'formidable';
      return source;
    }

    function getCallLabel(node: TSESTree.CallExpression | TSESTree.NewExpression): string {
      const path = getMemberPath(node.callee);
      const callee = unwrapExpression(node.callee);
      const required = callee.type === AST_NODE_TYPES.CallExpression && isRequireOf(callee, 'multer') ? 'multer' : undefined;
      const name = path ? path.join('.') : (required ?? getCalleeName(node) ?? 'call');
      return `${node.type === AST_NODE_TYPES.NewExpression ? 'new ' : ''}${name}()`;
    }

    /** An object literal, directly or through a `const` in this file. */
    function resolveObject(node: TSESTree.Node, depth = 0): TSESTree.ObjectExpression | undefined {
      const expression = unwrapExpression(node);
      if (expression.type === AST_NODE_TYPES.ObjectExpression) return expression;
      if (expression.type !== AST_NODE_TYPES.Identifier || depth > 3) return undefined;
      const variable = ASTUtils.findVariable(sourceCode.getScope(expression), expression);
      const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
      if (definition?.type !== 'Variable' || definition.parent.kind !== 'const' || !definition.node.init) return undefined;
      return resolveObject(definition.node.init, depth + 1);
    }

    function getOptionValue(object: TSESTree.ObjectExpression, path: readonly string[]): TSESTree.Node | undefined {
      let current: TSESTree.ObjectExpression | undefined = object;
      let value: TSESTree.Node | undefined;
      for (const key of path) {
        if (!current) return undefined;
        value = findProperty(current, key)?.value;
        if (!value) return undefined;
        current = resolveObject(value);
      }
      return value;
    }

    /** A spread or computed key may carry `limits`: the options are not fully known. */
    function hasUnknownParts(object: TSESTree.ObjectExpression): boolean {
      return object.properties.some((property) => property.type === AST_NODE_TYPES.SpreadElement || property.computed);
    }

    /** `Infinity`, `Number.POSITIVE_INFINITY`, `Number.MAX_SAFE_INTEGER`, `Number.MAX_VALUE`, ≥ 1 TiB, `'10tb'`. */
    function isUnbounded(node: TSESTree.Node): boolean {
      const expression = unwrapExpression(node);
      if (expression.type === AST_NODE_TYPES.Identifier) return expression.name === 'Infinity' && isGlobal(expression);
      const path = getMemberPath(expression)?.join('.');
      if (path === 'Number.POSITIVE_INFINITY' || path === 'Number.MAX_SAFE_INTEGER' || path === 'Number.MAX_VALUE') return true;
      const bytes = getStaticBytes(expression);
      return bytes !== undefined && bytes >= UNBOUNDED_BYTES;
    }

    function isGlobal(identifier: TSESTree.Identifier): boolean {
      const variable = ASTUtils.findVariable(sourceCode.getScope(identifier), identifier);
      return !variable || variable.defs.length === 0;
    }

    /** Numbers, products of numbers and `bytes`-style strings (`'50mb'`, `'2tb'`). */
    function getStaticBytes(node: TSESTree.Node): number | undefined {
      const expression = unwrapExpression(node);
      if (expression.type === AST_NODE_TYPES.Literal) {
        if (typeof expression.value === 'number') return expression.value;
        if (typeof expression.value === 'string') {
          const match = /^\s*(\d+(?:\.\d+)?)\s*(b|kb|mb|gb|tb|pb)?\s*$/i.exec(expression.value);
          if (!match) return undefined;
          const units: Record<string, number> = { b: 1, kb: 2 ** 10, mb: 2 ** 20, gb: 2 ** 30, tb: 2 ** 40, pb: 2 ** 50 };
          return Number(match[1]) * units[(match[2] ?? 'b').toLowerCase()]!;
        }
        return undefined;
      }
      if (expression.type === AST_NODE_TYPES.BinaryExpression && (expression.operator === '*' || expression.operator === '**')) {
        const left = getStaticBytes(expression.left);
        const right = getStaticBytes(expression.right);
        if (left === undefined || right === undefined) return undefined;
        return expression.operator === '*' ? left * right : left ** right;
      }
      return undefined;
    }
  },
});

/** `require('multer')`. */
function isRequireOf(call: TSESTree.CallExpression, module: string): boolean {
  const [source] = call.arguments;
  return call.callee.type === AST_NODE_TYPES.Identifier && call.callee.name === 'require' && source?.type === AST_NODE_TYPES.Literal && source.value === module;
}
