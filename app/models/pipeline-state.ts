// The pipeline's filters, shared by the page (its select) and the query.
export const PIPELINE_STATES = ["all", "owed", "scheduled", "ready"] as const;
export type PipelineState = (typeof PIPELINE_STATES)[number];
