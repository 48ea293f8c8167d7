import type { MikroORM } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/knex';
import { parse as parseCookies } from 'cookie';
import express, { type Response, type Router } from 'express';
import { AuthService } from '../auth/auth.service.js';
import { DomainError } from '../common/errors.js';
import type { AppDeps } from '../context.js';
import { noteErrorCode, traceOf } from '../http/request-log.js';
import { ExportService } from './export.service.js';
import { openExportContent } from './export.presenter.js';

/** Where an export's file is downloaded: `GET /api/exports/<job id>`. */
export const EXPORT_DOWNLOAD_PATH = '/api/exports/:id';

function refuse(res: Response, status: number, code: string): void {
  noteErrorCode(res, code);
  res.status(status).json({ errors: [{ message: code, extensions: { code } }] });
}

/**
 * The download of a CSV export, outside GraphQL (a file, not JSON): the admin's session cookie
 * (SameSite=Strict, so another site's link or form never carries it), a GET that changes nothing
 * but the audit trail, refused outright when the browser says another site asked
 * (`Sec-Fetch-Site: cross-site` / `same-site`). Only the member who asked (or an owner) gets the
 * file, while it has not expired; anyone else, and a missing or expired one, is the same 404. The
 * answer is never cached (`no-store`) and names the file in UTF-8 (RFC 6266 `filename*`).
 */
export function exportRouter(options: { orm: MikroORM; deps: AppDeps; sessionCookie: string }): Router {
  const { orm, deps } = options;
  const router = express.Router({ caseSensitive: true });
  router.get(EXPORT_DOWNLOAD_PATH, async (req, res, next) => {
    try {
      const trace = traceOf(res);
      if (trace) trace.route = 'export-download';
      res.setHeader('Cache-Control', 'no-store');
      const site = req.headers['sec-fetch-site'];
      if (site === 'cross-site' || site === 'same-site') return refuse(res, 403, 'FORBIDDEN');
      const token = parseCookies(req.headers.cookie ?? '')[options.sessionCookie];
      const session = await new AuthService(orm.em as SqlEntityManager, deps).resolveSession(token);
      // A restricted session (a new password or a second factor first) reaches nothing else either.
      if (!session || session.actor.restriction) return refuse(res, 401, 'UNAUTHENTICATED');
      const id = String(req.params.id);
      const file = await new ExportService(orm.em.fork() as SqlEntityManager, session.actor, deps).download(id);
      const csv = openExportContent(deps.cipher, file.id, file.contentSealed);
      res.attachment(file.fileName);
      res.type('text/csv; charset=utf-8');
      res.send(Buffer.from(csv, 'utf8'));
    } catch (err) {
      if (err instanceof DomainError) return refuse(res, err.code === 'NOT_FOUND' ? 404 : 400, err.code);
      next(err);
    }
  });
  return router;
}
