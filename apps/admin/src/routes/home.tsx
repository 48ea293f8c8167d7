import { HomePage } from '../features/home/HomePage.js';

export function HomeRoute() {
  return <HomePage />;
}
