/** §1.10 (D13): a request-event result is a generated response exactly when it has an own `status` property. */
export function isGeneratedResponse(result: Record<string, unknown>): boolean {
  return Object.hasOwn(result, 'status');
}
