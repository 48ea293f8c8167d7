// Writes the schema the API serves to packages/schema/schema.graphql (the committed contract).
import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { printStewardSchema } from './print-schema.js';

const target = resolve(dirname(fileURLToPath(import.meta.url)), '../../../../packages/schema/schema.graphql');
writeFileSync(target, await printStewardSchema());
console.log(`wrote ${target}`);
