export async function importWorkload() {
  return null;
}
