import { createBrowserRouter } from 'react-router';
import { routes } from './routes.js';

export type AppRouter = ReturnType<typeof createBrowserRouter>;

export function createAppRouter(): AppRouter {
  return createBrowserRouter(routes);
}
