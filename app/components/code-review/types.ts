export type ReviewFile = { path: string; status: "added" | "modified"; before: string; after: string; lineCount: number };
export type CommentPriority = "blocking" | "nit";
export type ReviewComment = { id: number; filePath: string; line: number; body: string; priority: CommentPriority | null };
export type CommentDraft = { filePath: string; line: number | null; body: string };
export type ActionReply = { ok: boolean; message?: string; fieldErrors?: Record<string, string[]>; revision?: number };
