import { createRuleTester } from '../utils/rule-tester.js';
import rule from './eslint.js';

createRuleTester().run('require-upload-limits', rule, {
  valid: [
    // Text fields only: `.none()` turns any file part down.
    `import multer from 'multer';
const upload = multer();
router.use(upload.none());
router.post('/forms', multer().none(), handleForm);`,
    // multer with a file size limit.
    `import multer from 'multer';
export const upload = multer({ dest: 'uploads/', limits: { fileSize: 5 * 1024 * 1024, files: 1 } });`,
    // The limit through a const object in the same file.
    `import multer from 'multer';
const uploadLimits = { fileSize: 2_000_000 };
export const upload = multer({ storage: multer.memoryStorage(), limits: uploadLimits });`,
    // Options we cannot see (a parameter) may carry the limit.
    `import multer from 'multer';
export const makeUpload = (options: multer.Options) => multer(options);`,
    // A spread of shared options may carry the limit.
    `import multer from 'multer';
export const upload = multer({ ...baseUploadOptions, dest: 'uploads/' });`,
    // multer's storage helpers are not the upload middleware.
    `import multer from 'multer';
const storage = multer.diskStorage({ destination: 'uploads/' });`,
    // busboy with a file size limit.
    `import busboy from 'busboy';
const bb = busboy({ headers: req.headers, limits: { fileSize: 10 * 1024 * 1024 } });`,
    // express-fileupload with a limit.
    `import fileUpload from 'express-fileupload';
app.use(fileUpload({ limits: { fileSize: 50 * 1024 * 1024 }, abortOnLimit: true }));`,
    // formidable's default maxFileSize is 200 MB: finite.
    `import formidable from 'formidable';
const form = formidable({ uploadDir: '/tmp', keepExtensions: true });`,
    // @fastify/multipart defaults to a 1 MB fileSize.
    `import multipart from '@fastify/multipart';
await fastify.register(multipart);`,
    // express.json() defaults to 100kb; a raised but finite limit is a decision, not a hole.
    `import express from 'express';
app.use(express.json());
app.use(express.json({ limit: '10mb' }));
app.use(express.urlencoded({ extended: true, limit: '20mb' }));`,
    // A local function called \`multer\` is not the library.
    `function multer(config: unknown) { return config; }
multer({ dest: 'x' });`,
    // Infinity shadowed by a local constant is a number we cannot read.
    `import multer from 'multer';
const Infinity = 1024;
export const upload = multer({ limits: { fileSize: Infinity } });`,
    // Fastify with its default 1 MB bodyLimit.
    `import Fastify from 'fastify';
const app = Fastify({ logger: true });`,
  ],
  invalid: [
    // multer called where it is required, memory storage with no limits, mounted for every request
    {
      code: `const upload = require('multer')();
app.use(upload.single('image'));
`,
      errors: [
        { messageId: 'missingFileSize', line: 1, column: 16, endLine: 1, endColumn: 35, data: { call: 'multer()', library: 'multer' } },
      ],
    },
    // multer with only a destination
    {
      code: `import multer from 'multer';

const upload = multer({ dest: 'uploads/' });
router.post('/avatar', upload.single('avatar'), saveAvatar);
`,
      errors: [
        { messageId: 'missingFileSize', line: 3, column: 16, endLine: 3, endColumn: 44, data: {"call":"multer()","library":"multer"} },
      ],
    },
    // multer with no options, CommonJS
    {
      code: `const multer = require('multer');
const upload = multer();
`,
      errors: [
        { messageId: 'missingFileSize', line: 2, column: 16, endLine: 2, endColumn: 24, data: {"call":"multer()","library":"multer"} },
      ],
    },
    // multer limits without fileSize (files only)
    {
      code: `import multer, { diskStorage } from 'multer';
export const upload = multer({ storage: diskStorage({ destination: './tmp' }), limits: { files: 5 } });
`,
      errors: [
        { messageId: 'missingFileSize', line: 2, column: 23, endLine: 2, endColumn: 103, data: {"call":"multer()","library":"multer"} },
      ],
    },
    // multer options through a const
    {
      code: `import multer from 'multer';
const options = { storage: multer.memoryStorage() } satisfies multer.Options;
export const upload = multer(options).array('photos');
`,
      errors: [
        { messageId: 'missingFileSize', line: 3, column: 23, endLine: 3, endColumn: 38, data: {"call":"multer()","library":"multer"} },
      ],
    },
    // multer fileSize: Infinity
    {
      code: `import multer from 'multer';
export const upload = multer({ limits: { fileSize: Infinity } });
`,
      errors: [
        { messageId: 'unboundedLimit', line: 2, column: 52, endLine: 2, endColumn: 60, data: {"option":"limits.fileSize","call":"multer()"} },
      ],
    },
    // busboy without limits
    {
      code: `import busboy from 'busboy';
app.post('/upload', (req, res) => {
  const bb = busboy({ headers: req.headers });
  req.pipe(bb);
});
`,
      errors: [
        { messageId: 'missingFileSize', line: 3, column: 14, endLine: 3, endColumn: 46, data: {"call":"busboy()","library":"busboy"} },
      ],
    },
    // express-fileupload with default options
    {
      code: `import fileUpload from 'express-fileupload';
app.use(fileUpload({ useTempFiles: true, tempFileDir: '/tmp/' }));
`,
      errors: [
        { messageId: 'missingFileSize', line: 2, column: 9, endLine: 2, endColumn: 65, data: {"call":"fileUpload()","library":"express-fileupload"} },
      ],
    },
    // formidable with unbounded maxFileSize
    {
      code: `import formidable from 'formidable';
const form = formidable({ maxFileSize: Number.MAX_SAFE_INTEGER });
`,
      errors: [
        { messageId: 'unboundedLimit', line: 2, column: 40, endLine: 2, endColumn: 63, data: {"option":"maxFileSize","call":"formidable()"} },
      ],
    },
    // @fastify/multipart with an infinite fileSize
    {
      code: `import multipart from '@fastify/multipart';
await fastify.register(multipart, { limits: { fileSize: Infinity } });
`,
      errors: [
        { messageId: 'unboundedLimit', line: 2, column: 57, endLine: 2, endColumn: 65, data: {"option":"limits.fileSize","call":"fastify.register()"} },
      ],
    },
    // express.json with an unbounded limit
    {
      code: `import express from 'express';
app.use(express.json({ limit: '5tb' }));
`,
      errors: [
        { messageId: 'unboundedLimit', line: 2, column: 31, endLine: 2, endColumn: 36, data: {"option":"limit","call":"express.json()"} },
      ],
    },
    // body-parser named import with Infinity (parenthesised)
    {
      code: `import { urlencoded } from 'body-parser';
app.use(urlencoded({ extended: true, limit: (Infinity) }));
`,
      errors: [
        { messageId: 'unboundedLimit', line: 2, column: 46, endLine: 2, endColumn: 54, data: {"option":"limit","call":"urlencoded()"} },
      ],
    },
    // a team upload factory
    {
      code: `export const upload = createUpload({ dest: 'files/' });
`,
      options: [{"uploadFactories":["createUpload"]}],
      errors: [
        { messageId: 'missingFileSize', line: 1, column: 23, endLine: 1, endColumn: 55, data: {"call":"createUpload()","library":"multer"} },
      ],
    },
  ],
});
