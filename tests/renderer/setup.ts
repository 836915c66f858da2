import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';
import { setTransport } from '#renderer/api';

// Screens with the editor load lazily; on a busy CI machine that first import
// can take seconds, so findBy* waits up to 10 s (it still fails if nothing comes).
configure({ asyncUtilTimeout: 10_000 });

afterEach(() => {
  cleanup();
  setTransport(undefined);
});
