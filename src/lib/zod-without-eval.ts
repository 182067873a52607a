import * as z from 'zod/mini';

/**
 * The console's Content-Security-Policy forbids `eval` (server/security-headers.ts). zod's first
 * object parse probes whether `new Function` works; the browser refuses and reports the attempt
 * as a policy violation even though zod catches it. Jitless parsing skips the probe.
 */
z.config({ jitless: true });
