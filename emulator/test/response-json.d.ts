// Tests read many untyped JSON bodies; let them be `any` here only (Node 20's fetch types say `unknown`).
export {};

declare global {
  interface Response {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    json(): Promise<any>;
  }
}
