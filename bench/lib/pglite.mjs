export async function pgliteWorkloads() {
  return [];
}
