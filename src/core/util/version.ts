declare const __QCODE_VERSION__: string | undefined;

/** The qcode version, injected at build time (and by the test config). */
export const QCODE_VERSION: string = typeof __QCODE_VERSION__ === 'string' ? __QCODE_VERSION__ : '0.0.0-dev';
