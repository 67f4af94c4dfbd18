/**
 * A person's name as shown to someone who is not them (public verification): the first
 * character (the surname, usually) and, for names of three characters or more, the last.
 * 张三 → 张*, 张三丰 → 张*丰, 欧阳小明 → 欧**明.
 */
export function maskPersonName(name: string): string {
  const chars = Array.from(name.trim());
  if (chars.length <= 1) return chars.join('');
  if (chars.length === 2) return `${chars[0] ?? ''}*`;
  return `${chars[0] ?? ''}${'*'.repeat(chars.length - 2)}${chars.at(-1) ?? ''}`;
}
