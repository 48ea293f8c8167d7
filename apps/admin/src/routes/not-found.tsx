import { Alert, Anchor } from '@mantine/core';
import { Link } from 'react-router';

export function NotFoundRoute() {
  return (
    <Alert color="gray" title="Page not found" role="alert">
      There is nothing at this address.{' '}
      <Anchor component={Link} to="/providers">
        Go to providers
      </Anchor>
    </Alert>
  );
}
