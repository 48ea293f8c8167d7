import { useParams } from 'react-router';
import { CookieSitePage } from '../features/cookies/CookieSitePage.js';
import { CookiesPage } from '../features/cookies/CookiesPage.js';

export function CookiesRoute() {
  return <CookiesPage />;
}

export function CookieSiteRoute() {
  const { siteId = '' } = useParams();
  return <CookieSitePage key={siteId} siteId={siteId} />;
}
