export * from "./cells";
export * from "./read";
export * from "./apply";
export * from "./record-store";
