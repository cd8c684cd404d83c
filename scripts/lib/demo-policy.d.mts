export declare function demoDataDecision(input: { embedded: boolean; env: Record<string, string | undefined> }): {
  seed: boolean;
  refusal: string | null;
};
