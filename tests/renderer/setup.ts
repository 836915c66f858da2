import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';
import { setTransport } from '../../renderer/src/api';

afterEach(() => {
  cleanup();
  setTransport(undefined);
});
