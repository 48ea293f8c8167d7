import { Alert, Anchor } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

export function NotFoundRoute() {
  const { t } = useTranslation();
  return (
    <Alert color="gray" title={t('notFound.title')} role="alert">
      {t('notFound.message')}{' '}
      <Anchor component={Link} to="/providers">
        {t('notFound.home')}
      </Anchor>
    </Alert>
  );
}
