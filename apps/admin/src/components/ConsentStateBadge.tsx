import { Badge, type MantineColor } from '@mantine/core';
import type { ConsentState } from '@steward/schema';
import { CONSENT_STATE_LABEL } from './labels.js';

export const CONSENT_STATE_COLOR: Record<ConsentState, MantineColor> = {
  GRANTED: 'teal',
  REFUSED: 'red',
  WITHDRAWN: 'orange',
  NOT_ASKED: 'gray',
};

export function ConsentStateBadge({ state, size = 'sm' }: { state: ConsentState; size?: 'xs' | 'sm' | 'md' }) {
  return (
    <Badge color={CONSENT_STATE_COLOR[state]} variant={state === 'NOT_ASKED' ? 'outline' : 'light'} size={size}>
      {CONSENT_STATE_LABEL[state]}
    </Badge>
  );
}
