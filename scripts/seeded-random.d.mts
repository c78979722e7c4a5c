/** A seeded PRNG in [0, 1): the same sequence for the same seed. */
export declare function seededRandom(seed: number): () => number;
