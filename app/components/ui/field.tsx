import { getInputProps, getSelectProps, getTextareaProps, type FieldMetadata } from "@conform-to/react";
import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from "react";

export function ErrorList({ id, errors }: { id?: string; errors?: string[] | null }) {
  if (!errors?.length) return null;
  return (
    <ul id={id} className="field-error">
      {errors.map((e) => (
        <li key={e}>{e}</li>
      ))}
    </ul>
  );
}

function Hint({ id, children }: { id: string; children?: ReactNode }) {
  return children ? (
    <p id={id} className="hint">
      {children}
    </p>
  ) : null;
}

function describedBy(meta: FieldMetadata<unknown>, hint: ReactNode, fromConform?: string) {
  return [fromConform, hint ? `${meta.id}-hint` : null].filter(Boolean).join(" ") || undefined;
}

type InputType = "text" | "email" | "password" | "datetime-local" | "date" | "number" | "search";

export function TextField({
  meta,
  label,
  hint,
  type = "text",
  ...rest
}: { meta: FieldMetadata<any>; label: string; hint?: ReactNode; type?: InputType } & Omit<
  InputHTMLAttributes<HTMLInputElement>,
  "type" | "name" | "id"
>) {
  const { key, ...props } = getInputProps(meta, { type, ariaAttributes: true });
  return (
    <div className="field">
      <label htmlFor={meta.id}>{label}</label>
      <input key={key} className="input" {...props} {...rest} aria-describedby={describedBy(meta, hint, props["aria-describedby"])} />
      <Hint id={`${meta.id}-hint`}>{hint}</Hint>
      <ErrorList id={meta.errorId} errors={meta.errors} />
    </div>
  );
}

export function TextareaField({
  meta,
  label,
  hint,
  ...rest
}: { meta: FieldMetadata<any>; label: string; hint?: ReactNode } & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "name" | "id">) {
  const { key, ...props } = getTextareaProps(meta, { ariaAttributes: true });
  return (
    <div className="field">
      <label htmlFor={meta.id}>{label}</label>
      <textarea key={key} className="textarea" {...props} {...rest} aria-describedby={describedBy(meta, hint, props["aria-describedby"])} />
      <Hint id={`${meta.id}-hint`}>{hint}</Hint>
      <ErrorList id={meta.errorId} errors={meta.errors} />
    </div>
  );
}

export function SelectField({
  meta,
  label,
  hint,
  options,
  placeholder,
  ...rest
}: {
  meta: FieldMetadata<any>;
  label: string;
  hint?: ReactNode;
  options: { value: string; label: string }[];
  placeholder?: string;
} & Omit<SelectHTMLAttributes<HTMLSelectElement>, "name" | "id">) {
  const { key, ...props } = getSelectProps(meta, { ariaAttributes: true });
  // A tampered post can repeat the field; a single select shows the first value it was sent.
  const defaultValue = !props.multiple && Array.isArray(props.defaultValue) ? props.defaultValue[0] : props.defaultValue;
  return (
    <div className="field">
      <label htmlFor={meta.id}>{label}</label>
      <select
        key={key}
        className="select"
        {...props}
        defaultValue={defaultValue}
        {...rest}
        aria-describedby={describedBy(meta, hint, props["aria-describedby"])}
      >
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <Hint id={`${meta.id}-hint`}>{hint}</Hint>
      <ErrorList id={meta.errorId} errors={meta.errors} />
    </div>
  );
}

export function FormError({ errors }: { errors?: string[] | null }) {
  if (!errors?.length) return null;
  return (
    <div className="form-error" role="alert">
      {errors.join(" ")}
    </div>
  );
}
