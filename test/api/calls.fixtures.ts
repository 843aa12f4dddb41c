/** Shared by the calls, pitches and authorization tests: a tiny PDF and a multipart upload of it. */

export const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n');

/** A multipart body with one file field named "file". */
export function upload(bytes: Buffer, fileName = 'letter.pdf', type = 'application/pdf') {
  const b = 'nexum-test-boundary';
  return {
    headers: { 'content-type': `multipart/form-data; boundary=${b}` },
    payload: Buffer.concat([
      Buffer.from(
        `--${b}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${type}\r\n\r\n`,
      ),
      bytes,
      Buffer.from(`\r\n--${b}--\r\n`),
    ]),
  };
}
