import * as React from "react";

/**
 * A file input kept out of sight and out of the accessibility tree: a Fluent button with a Japanese
 * name opens it (no browser-locale 「Choose File」). The value is reset after each pick, so the same
 * file can be picked again.
 */
export function HiddenFileInput(props: {
  inputRef: React.RefObject<HTMLInputElement | null>;
  label?: string;
  accept?: string;
  multiple?: boolean;
  directory?: boolean;
  /** Called before the input is reset: read what is needed from the list at once. */
  onFiles: (files: FileList) => void;
}) {
  return (
    <input
      ref={props.inputRef}
      className="visually-hidden"
      type="file"
      tabIndex={-1}
      aria-hidden="true"
      multiple={props.multiple}
      accept={props.accept}
      aria-label={props.label}
      {...(props.directory ? { webkitdirectory: "" } : {})}
      onChange={(e) => {
        if (e.target.files && e.target.files.length > 0) props.onFiles(e.target.files);
        e.target.value = "";
      }}
    />
  );
}

export const WORKBOOK_TYPES = ".xlsx,.xlsm,.xls,.ods";
