// Types of the bench generators (scripts/bench-corpus.mjs), for the scale tests that make their data with them.
export function prng(seed: number): () => number;
export function generateCorpus(file: string, mb: number): void;
export function generateHugeDocument(file: string, mb: number): void;
export function generateCodebook(file: string): string[];
export function generateRulesCodebook(plainFile: string, file: string): void;
export function generateShortSentences(file: string, documents: number, sentences: number): void;
export function rgPatterns(patterns: string[]): string[];
export function sentenceMaker(rand: () => number): { sentence: () => string; pick: <T>(list: T[]) => T };
