import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261124202731 } from './Migration20261124202731.js';
import { Migration20261124213711 } from './Migration20261124213711.js';
import { Migration20261124214436 } from './Migration20261124214436.js';
import { Migration20261124220252 } from './Migration20261124220252.js';
import { Migration20261124224621 } from './Migration20261124224621.js';
import { Migration20261124231434 } from './Migration20261124231434.js';
import { Migration20261124225109 } from './Migration20261124225109.js';
import { Migration20261124225151 } from './Migration20261124225151.js';
import { Migration20261125011851 } from './Migration20261125011851.js';
import { Migration20261125030000 } from './Migration20261125030000.js';
import { Migration20261204160000 } from './Migration20261204160000.js';
import { Migration20261204153551 } from './Migration20261204153551.js';
import { Migration20261207004306 } from './Migration20261207004306.js';
import { Migration20261207010239 } from './Migration20261207010239.js';
import { Migration20261207032842 } from './Migration20261207032842.js';
import { Migration20261207034500 } from './Migration20261207034500.js';
import { Migration20261207040820 } from './Migration20261207040820.js';
import { Migration20261207044500 } from './Migration20261207044500.js';
import { Migration20261207050000 } from './Migration20261207050000.js';
import { Migration20261207054506 } from './Migration20261207054506.js';
import { Migration20261207062311 } from './Migration20261207062311.js';

/** Applied in this order; add new migrations at the end (tools/create-migration writes them). */
export const sqliteMigrations: MigrationObject[] = [
  { name: 'Migration20261124202731', class: Migration20261124202731 },
  { name: 'Migration20261124213711', class: Migration20261124213711 },
  { name: 'Migration20261124214436', class: Migration20261124214436 },
  { name: 'Migration20261124220252', class: Migration20261124220252 },
  { name: 'Migration20261124224621', class: Migration20261124224621 },
  { name: 'Migration20261124231434', class: Migration20261124231434 },
  { name: 'Migration20261124225109', class: Migration20261124225109 },
  { name: 'Migration20261124225151', class: Migration20261124225151 },
  { name: 'Migration20261125011851', class: Migration20261125011851 },
  { name: 'Migration20261125030000', class: Migration20261125030000 },
  { name: 'Migration20261204160000', class: Migration20261204160000 },
  { name: 'Migration20261204153551', class: Migration20261204153551 },
  { name: 'Migration20261207004306', class: Migration20261207004306 },
  { name: 'Migration20261207010239', class: Migration20261207010239 },
  { name: 'Migration20261207032842', class: Migration20261207032842 },
  { name: 'Migration20261207034500', class: Migration20261207034500 },
  { name: 'Migration20261207040820', class: Migration20261207040820 },
  { name: 'Migration20261207044500', class: Migration20261207044500 },
  { name: 'Migration20261207050000', class: Migration20261207050000 },
  { name: 'Migration20261207054506', class: Migration20261207054506 },
  { name: 'Migration20261207062311', class: Migration20261207062311 },
];
