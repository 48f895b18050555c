// In the editor worker, in place of the `monaco` global it offers to custom worker modules: the
// review page loads none, so the global is empty.
export function createMonacoBaseAPI() {
  return {};
}
