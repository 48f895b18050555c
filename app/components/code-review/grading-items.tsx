// The pieces of the grading page: an answer-key item's heading and details, and a candidate
// comment with the control that moves it onto the defect it identifies.

export type Severity = "critical" | "major" | "minor";
export type KeyText = {
  id: string;
  title: string;
  severity: Severity;
  category: string;
  dimension: string;
  explanation: string;
  expectedFix: string;
  /** Absent on a key from before minimums to credit: position alone credited then. */
  minimumToCredit?: { says: string } | null;
};
export type GradedComment = {
  id: number;
  filePath: string;
  line: number;
  body: string;
  priority: "blocking" | "nit" | null;
  code: string;
  autoTarget: string | null;
  moved: boolean;
  target: string | null;
  /** On an item's anchor but not credited automatically: which item, and why. */
  near: { itemId: string; why: NearReason } | null;
};

type NearReason = "text" | "repeated" | "keyword_list";

const NEAR_SAYS: Record<NearReason, string> = {
  text: "the text doesn't name it",
  repeated: "the same words are on several lines, so they credit nothing by themselves",
  keyword_list: "it names several items at once, like a list of keywords",
};

const SEVERITY_CLASS = { critical: "badge-danger", major: "badge-warn", minor: "badge" } as const;

export function KeyItemHeading({ item, dimensionNames }: { item: KeyText; dimensionNames: Record<string, string> }) {
  return (
    <div className="row-between">
      <h3>{item.title}</h3>
      <span className="row small">
        <span className={`badge ${SEVERITY_CLASS[item.severity]}`}>{item.severity}</span>
        <span className="badge">{item.category.replaceAll("_", " ")}</span>
        <span className="badge badge-info">{dimensionNames[item.dimension] ?? item.dimension}</span>
      </span>
    </div>
  );
}

export function KeyItemDetails({ item }: { item: KeyText }) {
  return (
    <>
      {item.minimumToCredit ? (
        <p className="small">
          <strong>Minimum to credit:</strong> {item.minimumToCredit.says}
        </p>
      ) : null}
      <details>
        <summary className="small">Why it matters and the expected fix</summary>
        <p className="small">{item.explanation}</p>
        <p className="small">
          <strong>Fix:</strong> {item.expectedFix}
        </p>
      </details>
    </>
  );
}

/** One candidate comment in context, and where the grader says it belongs. */
export function CommentBlock({
  comment,
  titles,
  defects,
  readOnly,
}: {
  comment: GradedComment;
  titles: Map<string, string>;
  defects: { id: string; title: string }[];
  readOnly: boolean;
}) {
  const selectId = `move-${comment.id}`;
  return (
    <blockquote className="candidate-comment">
      <span className="mono small">
        {comment.filePath}:{comment.line}
        {comment.priority ? (
          <span className={`badge ${comment.priority === "blocking" ? "badge-danger" : ""} cr-moved`}>
            {comment.priority === "blocking" ? "marked blocking" : "marked nit"}
          </span>
        ) : null}
        {comment.moved ? <span className="badge badge-info cr-moved">moved by the grader</span> : null}
      </span>
      <pre className="code-line">{comment.code}</pre>
      <p className="notes">{comment.body}</p>
      {comment.near ? (
        <p className="small cr-near">
          Near “{titles.get(comment.near.itemId) ?? comment.near.itemId}”: {NEAR_SAYS[comment.near.why]}. Not credited automatically; move
          it onto the item if it identifies it.
        </p>
      ) : null}
      {readOnly ? null : (
        <div className="row cr-move">
          <label htmlFor={selectId} className="small">
            This comment identifies
          </label>
          <select
            id={selectId}
            name={`moveTo.${comment.id}`}
            className="select cr-select-wide"
            defaultValue={comment.moved ? (comment.target ?? "none") : "auto"}
          >
            <option value="auto">
              Where its line and text put it: {comment.autoTarget ? titles.get(comment.autoTarget) : "no planted defect"}
            </option>
            {defects.map((d) => (
              <option key={d.id} value={d.id}>
                {d.title}
              </option>
            ))}
            <option value="none">No planted defect</option>
          </select>
          <button type="submit" name="intent" value={`move.${comment.id}`} className="btn btn-small">
            Move
          </button>
        </div>
      )}
    </blockquote>
  );
}
