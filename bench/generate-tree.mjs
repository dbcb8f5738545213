// Writes a synthetic but realistic backend tree for benchmarks: Express routers,
// NestJS controllers and services, Prisma/TypeORM data access, jobs with retries,
// outbound HTTP clients and loggers, a mix of correct code and the flaws redline
// looks for. Deterministic: the same `lines` gives the same files.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const RESOURCES = [
  'user', 'order', 'invoice', 'product', 'cart', 'payment', 'shipment', 'review', 'coupon', 'address',
  'ticket', 'comment', 'article', 'team', 'project', 'task', 'webhook', 'subscription', 'refund', 'report',
];

const cap = (word) => word[0].toUpperCase() + word.slice(1);

function routerModule(name, index) {
  const Name = cap(name);
  const handlers = [];
  for (let n = 0; n < 6; n++) {
    handlers.push(`
router.get('/${name}s/${n}/:id', authenticate, async (req: Request, res: Response, next: NextFunction) => {
  try {
    const ${name} = await prisma.${name}.findUnique({
      where: { id: req.params.id, ownerId: req.user.id },
      select: { id: true, title: true, createdAt: true, status: true },
    });
    if (!${name}) {
      return res.status(404).json({ error: 'Not found' });
    }
    logger.info({ ${name}Id: ${name}.id, userId: req.user.id }, '${name} fetched');
    return res.json(to${Name}Dto(${name}));
  } catch (err) {
    next(err);
  }
});

router.post('/${name}s/${n}', authenticate, validate(${name}Schema), async (req: Request, res: Response) => {
  const input = ${name}Schema.parse(req.body);
  const created = await prisma.${name}.create({
    data: { title: input.title, ownerId: req.user.id, amount: input.amount ?? 0 },
    select: { id: true, title: true },
  });
  const total = computeTotal([created.id.length, input.amount ?? 0], ${n + 1});
  logger.debug(\`created ${name} \${created.id} total=\${total}\`);
  res.status(201).json({ id: created.id, title: created.title, total });
});`);
  }
  return `import { Router, type Request, type Response, type NextFunction } from 'express';
import { z } from 'zod';
import { prisma } from '../lib/prisma';
import { logger } from '../lib/logger';
import { authenticate } from '../middleware/authenticate';
import { validate } from '../middleware/validate';

export const router = Router();

const ${name}Schema = z.object({
  title: z.string().min(1).max(200),
  amount: z.number().int().nonnegative().optional(),
});

interface ${Name}Row {
  id: string;
  title: string;
  createdAt: Date;
  status: string;
}

function to${Name}Dto(row: ${Name}Row) {
  return { id: row.id, title: row.title, createdAt: row.createdAt.toISOString(), status: row.status };
}

function computeTotal(values: number[], factor: number): number {
  let total = 0;
  for (const value of values) {
    total += value * factor;
  }
  return Math.round(total * 100) / 100;
}
${handlers.join('\n')}

export default router; // module ${index}
`;
}

function serviceModule(name, index) {
  const Name = cap(name);
  return `import { Injectable, Logger, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import axios from 'axios';
import { ${Name}Entity } from './${name}.entity';

const MAX_ATTEMPTS = 5;
const BASE_DELAY_MS = 200;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

@Injectable()
export class ${Name}Service${index} {
  private readonly logger = new Logger(${Name}Service${index}.name);

  constructor(@InjectRepository(${Name}Entity) private readonly repo: Repository<${Name}Entity>) {}

  async findOne(id: string, ownerId: string) {
    const entity = await this.repo.findOne({ where: { id, ownerId }, select: ['id', 'title', 'status'] });
    if (!entity) throw new NotFoundException('${name} not found');
    return { id: entity.id, title: entity.title, status: entity.status };
  }

  async list(ownerId: string, page = 1, pageSize = 20) {
    const [rows, count] = await this.repo.findAndCount({
      where: { ownerId },
      skip: (page - 1) * pageSize,
      take: pageSize,
      order: { createdAt: 'DESC' },
    });
    return { items: rows.map((row) => ({ id: row.id, title: row.title })), count, page };
  }

  async syncWithPartner(id: string): Promise<void> {
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      try {
        await axios.post('https://partner.example.com/${name}s', { id }, { timeout: 5_000 });
        this.logger.log(\`synced ${name} \${id} on attempt \${attempt}\`);
        return;
      } catch (error) {
        if (attempt === MAX_ATTEMPTS) throw error;
        const delay = BASE_DELAY_MS * 2 ** attempt + Math.random() * 100;
        this.logger.warn(\`retrying ${name} sync in \${Math.round(delay)}ms\`);
        await sleep(delay);
      }
    }
  }

  async drainQueue(batchSize = 50): Promise<number> {
    let processed = 0;
    while (true) {
      const batch = await this.repo.find({ where: { status: 'pending' }, take: batchSize });
      if (batch.length === 0) break;
      for (const item of batch) {
        item.status = 'done';
      }
      await this.repo.save(batch);
      processed += batch.length;
    }
    return processed;
  }

  summarize(values: number[]): { min: number; max: number; mean: number } {
    const sorted = [...values].sort((a, b) => a - b);
    const sum = sorted.reduce((acc, value) => acc + value, 0);
    return {
      min: sorted[0] ?? 0,
      max: sorted[sorted.length - 1] ?? 0,
      mean: sorted.length ? sum / sorted.length : 0,
    };
  }

  describe(entity: { id: string; title: string; tags?: string[] }): string {
    const tags = entity.tags?.length ? entity.tags.join(', ') : 'none';
    switch (tags.length % 3) {
      case 0:
        return \`\${entity.title} (\${entity.id}) tags: \${tags}\`;
      case 1:
        return \`\${entity.title.toUpperCase()} [\${tags}]\`;
      default:
        return entity.title;
    }
  }
}
`;
}

function jobModule(name, index) {
  return `import pRetry from 'p-retry';
import pino from 'pino';

const log = pino({ redact: ['req.headers.authorization', 'password'] });

type Job = { id: string; payload: Record<string, unknown>; attempts: number };

export async function process${cap(name)}Job${index}(job: Job, signal?: AbortSignal): Promise<void> {
  await pRetry(
    async () => {
      const response = await fetch('https://api.example.com/${name}s/' + job.id, {
        method: 'POST',
        body: JSON.stringify(job.payload),
        headers: { 'content-type': 'application/json' },
        signal: signal ?? AbortSignal.timeout(10_000),
      });
      if (!response.ok) throw new Error('upstream responded ' + response.status);
    },
    { retries: 5, minTimeout: 500, factor: 2 },
  );
  log.info({ jobId: job.id, attempts: job.attempts }, '${name} job done');
}

export function partition${index}<T>(items: T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let start = 0; start < items.length; start += size) {
    chunks.push(items.slice(start, start + size));
  }
  return chunks;
}

export async function paginate${index}(fetchPage: (cursor?: string) => Promise<{ items: unknown[]; next?: string }>) {
  const all: unknown[] = [];
  let cursor: string | undefined;
  do {
    const page = await fetchPage(cursor);
    all.push(...page.items);
    cursor = page.next;
  } while (cursor);
  return all;
}
`;
}

/**
 * Writes a tree of at least `lines` lines under `dir`, spread over
 * `src/routes`, `src/services` and `src/jobs`. Returns the line count written.
 */
export function generateTree(dir, { lines = 50_000 } = {}) {
  const makers = [
    ['routes', routerModule],
    ['services', serviceModule],
    ['jobs', jobModule],
  ];
  let written = 0;
  let index = 0;
  while (written < lines) {
    const [folder, make] = makers[index % makers.length];
    const name = RESOURCES[index % RESOURCES.length];
    const source = make(name, index);
    const folderPath = join(dir, 'src', folder);
    mkdirSync(folderPath, { recursive: true });
    writeFileSync(join(folderPath, `${name}-${index}.ts`), source);
    written += source.split('\n').length;
    index++;
  }
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'bench-backend', private: true }, null, 2));
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { strict: true, target: 'ES2022', module: 'NodeNext' } }, null, 2));
  return written;
}
