import { getPosition, isCandidateEmailTaken } from "#app/models/candidate.server";

/** The checks a schema can't make: they need the database. Null when there is nothing wrong. */
export function candidateConflicts(value: { email: string; positionId: number }, candidateId?: number) {
  const errors: Record<string, string[]> = {};
  if (isCandidateEmailTaken(value.email, candidateId)) errors.email = ["A candidate with this email already exists"];
  const position = getPosition(value.positionId);
  if (!position) errors.positionId = ["That position does not exist; choose one from the list"];
  return Object.keys(errors).length ? errors : null;
}
