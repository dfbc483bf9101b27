/**
 * A test hook for crash tests: when QCODE_FAILPOINT names this point (or a
 * comma-separated list holds it), the process kills itself with SIGKILL
 * there, as kill -9 or a power cut would, with no chance to clean up. The
 * points sit between the steps of publishing a set of outputs, so a test can
 * stop a run at each of them. Unset, it costs one lookup.
 */
export function failpoint(name: string): void {
  const wanted = process.env.QCODE_FAILPOINT;
  if (wanted && wanted.split(',').includes(name)) process.kill(process.pid, 'SIGKILL');
}
