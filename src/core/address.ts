/** A1 addresses. Rows and columns are 1-based. */

const LETTERS: string[] = [];

export function columnLetter(col: number): string {
  if (col > 0 && col < 1024) return (LETTERS[col] ??= letters(col));
  return letters(col);
}

function letters(col: number): string {
  let n = col;
  let s = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export function a1(row: number, col: number): string {
  return `${columnLetter(col)}${row}`;
}

export function parseA1(address: string): { row: number; col: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(address.trim());
  if (!m) return null;
  return { row: Number(m[2]), col: columnNumber(m[1]) };
}
