import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261124203837 } from './Migration20261124203837.js';
import { Migration20261124213711 } from './Migration20261124213711.js';
import { Migration20261124214436 } from './Migration20261124214436.js';
import { Migration20261124220253 } from './Migration20261124220253.js';
import { Migration20261124224621 } from './Migration20261124224621.js';
import { Migration20261124231435 } from './Migration20261124231435.js';
import { Migration20261124225110 } from './Migration20261124225110.js';
import { Migration20261124225152 } from './Migration20261124225152.js';
import { Migration20261125030001 } from './Migration20261125030001.js';
import { Migration20261204160001 } from './Migration20261204160001.js';
import { Migration20261204153552 } from './Migration20261204153552.js';
import { Migration20261207004306 } from './Migration20261207004306.js';
import { Migration20261207010239 } from './Migration20261207010239.js';
import { Migration20261207032842 } from './Migration20261207032842.js';
import { Migration20261207034500 } from './Migration20261207034500.js';
import { Migration20261207040820 } from './Migration20261207040820.js';
import { Migration20261207044500 } from './Migration20261207044500.js';
import { Migration20261207050000 } from './Migration20261207050000.js';
import { Migration20261207054506 } from './Migration20261207054506.js';
import { Migration20261207054549 } from './Migration20261207054549.js';
import { Migration20261207062311 } from './Migration20261207062311.js';

/** Applied in this order; add new migrations at the end (tools/create-migration writes them). */
export const postgresqlMigrations: MigrationObject[] = [
  { name: 'Migration20261124203837', class: Migration20261124203837 },
  { name: 'Migration20261124213711', class: Migration20261124213711 },
  { name: 'Migration20261124214436', class: Migration20261124214436 },
  { name: 'Migration20261124220253', class: Migration20261124220253 },
  { name: 'Migration20261124224621', class: Migration20261124224621 },
  { name: 'Migration20261124231435', class: Migration20261124231435 },
  { name: 'Migration20261124225110', class: Migration20261124225110 },
  { name: 'Migration20261124225152', class: Migration20261124225152 },
  { name: 'Migration20261125030001', class: Migration20261125030001 },
  { name: 'Migration20261204160001', class: Migration20261204160001 },
  { name: 'Migration20261204153552', class: Migration20261204153552 },
  { name: 'Migration20261207004306', class: Migration20261207004306 },
  { name: 'Migration20261207010239', class: Migration20261207010239 },
  { name: 'Migration20261207032842', class: Migration20261207032842 },
  { name: 'Migration20261207034500', class: Migration20261207034500 },
  { name: 'Migration20261207040820', class: Migration20261207040820 },
  { name: 'Migration20261207044500', class: Migration20261207044500 },
  { name: 'Migration20261207050000', class: Migration20261207050000 },
  { name: 'Migration20261207054506', class: Migration20261207054506 },
  { name: 'Migration20261207054549', class: Migration20261207054549 },
  { name: 'Migration20261207062311', class: Migration20261207062311 },
];
