import type { ProjectFile } from '../project/project-file.js';

/** `new ValidationPipe(…)`: class-validator checks Nest DTOs. */
const VALIDATION_PIPE = /\bnew\s+ValidationPipe\s*\(/;
/**
 * What strips the keys a DTO does not declare: `whitelist: true` (or
 * `forbidNonWhitelisted`, which rejects them), class-transformer's
 * `excludeExtraneousValues`, or zod-based DTOs, whose parse drops unknown keys.
 */
const STRIPS_UNKNOWN_KEYS = /\bwhitelist\s*:\s*true\b|\bforbidNonWhitelisted\s*:\s*true\b|\bexcludeExtraneousValues\b|\bZodValidationPipe\b|\bcreateZodDto\b|nestjs-zod/;

/**
 * Whether the project validates Nest DTOs with a ValidationPipe and nowhere
 * tells one to strip unknown keys: then `@Body() dto: UpdateUserDto` still
 * carries `role: 'admin'` when the client sends it. Read from the files'
 * text (the pipe is set up once, in `main.ts` or an `APP_PIPE` provider), so
 * files the cache leaves unparsed count too. Any stripping set-up anywhere is
 * taken to cover every DTO: a false alarm costs more than a miss.
 */
export function keepsUnknownDtoKeys(files: Iterable<ProjectFile>): boolean {
  let validates = false;
  for (const file of files) {
    if (!file.text.includes('Pipe') && !file.text.includes('zod') && !file.text.includes('whitelist')) continue;
    if (STRIPS_UNKNOWN_KEYS.test(file.text)) return false;
    validates ||= VALIDATION_PIPE.test(file.text);
  }
  return validates;
}
