// Typed calls of the region editorial API (S3 priorities, editors, Input Paper sections). Types only
// from the schemas, so no zod code reaches the browser bundle.
import type { z } from 'zod';
import { request } from '../../../client/api.ts';
import type {
  PaperSectionKey,
  paperSectionListSchema,
  paperSectionSchema,
  paperSectionVersionsSchema,
} from '../paper.schemas.ts';
import type {
  createS3PriorityBody,
  editorListSchema,
  editorSchema,
  s3PriorityListSchema,
  s3PrioritySchema,
  updateS3PriorityBody,
} from '../s3.schemas.ts';

export type S3Priority = z.infer<typeof s3PrioritySchema>;
export type S3PriorityList = z.infer<typeof s3PriorityListSchema>;
export type S3PriorityInput = z.input<typeof createS3PriorityBody>;
export type S3PriorityChange = z.input<typeof updateS3PriorityBody>;
export type RegionEditor = z.infer<typeof editorSchema>;
export type PaperSection = z.infer<typeof paperSectionSchema>;
export type PaperSectionList = z.infer<typeof paperSectionListSchema>;
export type { PaperSectionKey };
export type Language = 'en' | 'it';

const base = (code: string) => `/api/v1/regions/${encodeURIComponent(code)}`;

export const editorialApi = {
  priorities: (code: string, signal?: AbortSignal) =>
    request<S3PriorityList>('GET', `${base(code)}/s3-priorities`, undefined, signal),
  createPriority: (code: string, body: S3PriorityInput) =>
    request<S3Priority>('POST', `${base(code)}/s3-priorities`, body),
  updatePriority: (code: string, id: string, body: S3PriorityChange) =>
    request<S3Priority>('PATCH', `${base(code)}/s3-priorities/${id}`, body),
  deletePriority: (code: string, id: string) => request<void>('DELETE', `${base(code)}/s3-priorities/${id}`),

  editors: (code: string, signal?: AbortSignal) =>
    request<z.infer<typeof editorListSchema>>('GET', `${base(code)}/editors`, undefined, signal),
  grantEditor: (code: string, email: string) =>
    request<RegionEditor>('POST', `${base(code)}/editors`, { email }),
  revokeEditor: (code: string, userId: string) => request<void>('DELETE', `${base(code)}/editors/${userId}`),

  sections: (code: string, signal?: AbortSignal) =>
    request<PaperSectionList>('GET', `${base(code)}/paper/sections`, undefined, signal),
  versions: (code: string, key: PaperSectionKey, lang: Language, signal?: AbortSignal) =>
    request<z.infer<typeof paperSectionVersionsSchema>>(
      'GET',
      `${base(code)}/paper/sections/${key}/versions?lang=${lang}`,
      undefined,
      signal,
    ),
  saveSection: (code: string, key: PaperSectionKey, language: Language, body: string) =>
    request<PaperSection>('POST', `${base(code)}/paper/sections/${key}/versions`, { language, body }),
  restoreSection: (code: string, key: PaperSectionKey, language: Language, version: number) =>
    request<PaperSection>('POST', `${base(code)}/paper/sections/${key}/versions/${version}/restore`, {
      language,
    }),

  /** The Input Paper's address: the HTML page, or the PDF. */
  paperUrl: (code: string, lang: Language, format: 'html' | 'pdf' = 'html') =>
    `${base(code)}/paper?lang=${lang}${format === 'pdf' ? '&format=pdf' : ''}`,
};
