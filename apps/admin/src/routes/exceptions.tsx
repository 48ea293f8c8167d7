import { useParams } from 'react-router';
import { ExceptionFormPage } from '../features/exceptions/ExceptionFormPage.js';
import { ExceptionPage } from '../features/exceptions/ExceptionPage.js';
import { ExceptionsPage } from '../features/exceptions/ExceptionsPage.js';
import { useCanWrite } from '../features/session/session-context.js';
import { ReadOnlyNotice } from './read-only.js';

export function ExceptionsRoute() {
  return <ExceptionsPage />;
}

export function ExceptionRoute() {
  const { exceptionId = '' } = useParams();
  return <ExceptionPage key={exceptionId} exceptionId={exceptionId} />;
}

export function NewExceptionRoute() {
  if (!useCanWrite()) return <ReadOnlyNotice reason="draftExceptions" />;
  return <ExceptionFormPage exceptionId={null} />;
}

export function EditExceptionRoute() {
  const { exceptionId = '' } = useParams();
  const canWrite = useCanWrite();
  if (!canWrite) return <ReadOnlyNotice reason="editExceptions" />;
  return <ExceptionFormPage key={exceptionId} exceptionId={exceptionId} />;
}
