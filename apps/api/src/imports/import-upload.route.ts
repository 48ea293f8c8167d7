import type { MikroORM } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/knex';
import { parse as parseCookies } from 'cookie';
import express, { Router } from 'express';
import { AuthService } from '../auth/auth.service.js';
import { WRITERS } from '../common/auth-checker.js';
import type { AppDeps } from '../context.js';
import { IMPORT_LIMITS, ImportFileUnreadable } from './import.presenter.js';
import { ImportService } from './import.service.js';

/** Where the admin uploads an import file. */
export const IMPORT_UPLOAD_PATH = '/api/imports';
/** A header a form on another site cannot send without a preflight, which Steward never answers: the route's CSRF guard. */
export const IMPORT_UPLOAD_HEADER = 'x-steward-upload';

const FORMATS: Record<string, 'csv' | 'xlsx'> = {
  'text/csv': 'csv',
  // What Windows browsers send for a .csv file when Excel is installed.
  'application/vnd.ms-excel': 'csv',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
};
const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/**
 * `POST /api/imports`: the file's bytes as the body (at most 10 MB; `Content-Type` text/csv or the
 * xlsx type), a signed-in owner or privacy officer (the session cookie) and the `X-Steward-Upload`
 * header. Answers `{ id }` (201) of the sealed, stored file, or `{ error: { code } }`: 401, 403,
 * 413, 415 (a type not accepted, or bytes that do not match it) or 422 (unreadable).
 */
export function importUploadRoute(orm: MikroORM, deps: AppDeps, sessionCookie: string): Router {
  const router = Router();
  const fail = (res: express.Response, status: number, code: string) =>
    res.status(status).setHeader('Cache-Control', 'no-store').json({ error: { code } });
  router.post(
    IMPORT_UPLOAD_PATH,
    express.raw({ type: () => true, limit: IMPORT_LIMITS.bytes }),
    async (req, res, next) => {
      try {
        if (req.get(IMPORT_UPLOAD_HEADER) !== '1') return fail(res, 403, 'FORBIDDEN');
        const token = parseCookies(req.headers.cookie ?? '')[sessionCookie];
        const db = orm.em as SqlEntityManager;
        const session = token ? await new AuthService(db, deps).resolveSession(token) : null;
        const actor = session?.actor ?? null;
        if (!actor || actor.restriction) return fail(res, 401, 'UNAUTHENTICATED');
        if (!WRITERS.includes(actor.role)) return fail(res, 403, 'FORBIDDEN');
        const type = (req.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
        const format = FORMATS[type];
        const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
        if (!format) return fail(res, 415, 'UNSUPPORTED_MEDIA_TYPE');
        // The bytes must be what the type says: an xlsx is a zip; a CSV is not.
        if ((format === 'xlsx') !== body.subarray(0, 4).equals(ZIP_MAGIC))
          return fail(res, 415, 'UNSUPPORTED_MEDIA_TYPE');
        if (body.length === 0) return fail(res, 422, 'EMPTY');
        const file = await new ImportService(orm.em.fork() as SqlEntityManager, actor, deps).upload(body, format);
        res.status(201).setHeader('Cache-Control', 'no-store').json({ id: file.id });
      } catch (err) {
        if (err instanceof ImportFileUnreadable) return fail(res, 422, err.code);
        next(err);
      }
    },
  );
  return router;
}
