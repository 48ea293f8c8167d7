import 'reflect-metadata';
import { fileURLToPath } from 'node:url';
import { ensureSqliteSeed } from './lib/seed-sqlite.js';
import { preparePostgres } from './lib/seed-postgres.js';
const progress = (m) => console.error('·', m);
const cacheDir = fileURLToPath(new URL('./.cache/', import.meta.url));
console.log(await ensureSqliteSeed({ cacheDir, count: 1_000_000, progress }));
console.log(await preparePostgres({ baseUrl: 'postgresql://postgres@127.0.0.1:5432/test', count: 1_000_000, progress }));
