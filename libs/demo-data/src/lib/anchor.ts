/**
 * Both APIs generate the same demo store from the same seed and reference instant, so their
 * customers match. The instant is the current hour, which both processes agree on at start-up.
 */
export function demoAnchor(now = new Date()): Date {
  const d = new Date(now);
  d.setUTCMinutes(0, 0, 0);
  return d;
}
