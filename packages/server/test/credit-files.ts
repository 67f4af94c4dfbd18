/** Small evidence files for the credits tests: real magic numbers, nothing else. */
export const pngBytes = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.from('fake png body for tests'),
]);
export const pdfBytes = (text = 'scan') => Buffer.from(`%PDF-1.4\n% ${text}\n%%EOF\n`);
export const jpegBytes = (text = 'photo') =>
  Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from(text)]);
export const htmlBytes = Buffer.from('<!doctype html><html><script>alert(1)</script></html>');
