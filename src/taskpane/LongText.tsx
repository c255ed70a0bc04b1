import { Button } from "@fluentui/react-components";
import * as React from "react";
import type { UiText } from "../core";

/** Cell text, shown as text only; long texts are cut with the whole text on demand. */
export function LongText({ text, limit = 60, t }: { text: string; limit?: number; t: UiText }) {
  const [open, setOpen] = React.useState(false);
  const chars = [...text];
  if (chars.length <= limit) return <span className="cell-text">{text}</span>;
  return (
    <span className="cell-text">
      {open ? text : `${chars.slice(0, limit).join("")}…`}{" "}
      <Button size="small" appearance="transparent" aria-expanded={open} onClick={() => setOpen(!open)}>
        {open ? t.showLess : t.showAll}
      </Button>
    </span>
  );
}
