import type { Context } from 'hono';
import { z } from 'zod';
import { GovdraftError } from '../errors.ts';
import { validate } from './validate.ts';

/** A file sent as JSON: `{fileName, text}` or `{fileName, contentBase64}` (exactly one of the two). */
export const fileInputSchema = z
  .object({
    fileName: z.string().min(1).max(255).optional(),
    text: z.string().optional(),
    contentBase64: z.base64().optional(),
  })
  .refine((v) => (v.text === undefined) !== (v.contentBase64 === undefined), {
    message: 'give exactly one of text or contentBase64',
    path: ['text'],
  });

export type FileInput = z.infer<typeof fileInputSchema>;

export interface UploadedFile {
  fileName: string | null;
  bytes: Uint8Array;
  /** The other text fields of a multipart form (none for JSON). */
  fields: Record<string, string>;
}

const isMultipart = (c: Context): boolean =>
  /^multipart\/form-data/i.test(c.req.header('content-type') ?? '');

/**
 * Accepts a file as JSON validated by `schema` (typed for the client) or as a multipart `file`
 * field. Anything else is refused with 415 so a client never gets a silent empty upload.
 */
export function fileUploadOf<T extends z.ZodType<FileInput>>(schema: T) {
  const jsonFile = validate('json', schema);
  const upload: typeof jsonFile = async (c, next) => {
    if (isMultipart(c)) return next();
    if (!/^application\/(.+\+)?json/i.test(c.req.header('content-type') ?? '')) {
      throw new GovdraftError(
        'unsupported_media_type',
        '请以 JSON(application/json)或表单(multipart/form-data)上传文件',
        `Unsupported Content-Type "${c.req.header('content-type') ?? ''}": use application/json or multipart/form-data`,
      );
    }
    return jsonFile(c, next);
  };
  return upload;
}

/** A file upload as JSON `{fileName, text | contentBase64}` or multipart `file`. */
export const fileUpload = fileUploadOf(fileInputSchema);

/** The uploaded file of a request that passed `fileUpload`. */
export async function readUpload(c: Context, json: FileInput | undefined): Promise<UploadedFile> {
  if (isMultipart(c)) {
    const form = await c.req.parseBody().catch((error: unknown) => {
      throw new GovdraftError(
        'bad_request',
        '上传的表单无法解析',
        `Malformed multipart body: ${String(error)}`,
      );
    });
    const file = form.file;
    if (!(file instanceof File)) {
      throw new GovdraftError(
        'validation_failed',
        '表单中缺少文件字段 file',
        'Multipart body has no "file" field',
      );
    }
    const fields = Object.fromEntries(
      Object.entries(form).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
    );
    return { fileName: file.name || null, bytes: new Uint8Array(await file.arrayBuffer()), fields };
  }
  const { fileName, text, contentBase64 } = json ?? {};
  const bytes =
    text !== undefined ? new TextEncoder().encode(text) : Buffer.from(contentBase64 ?? '', 'base64');
  return { fileName: fileName ?? null, bytes: new Uint8Array(bytes), fields: {} };
}
