import 'reflect-metadata';
import { registry } from '../common/metrics.js';

// Files share a process and its modules (vitest.config.ts: isolate false). The metrics registry is
// the one process-wide state a test reads back: each file starts from zero counts, as in a new process.
registry.resetMetrics();
