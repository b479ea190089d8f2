/** A value the rules can test, computed once per evaluation from the parsed snapshot. */
export type FactValue = boolean | number | string | readonly string[] | null;

export interface Fact {
  /** What the engine sees. `null` is unknown. */
  readonly value: FactValue;
  /** Snapshot leaf paths whose unknown values could change this fact (collapsed to absent objects when reported). */
  readonly unknown: readonly string[];
  /**
   * The value aggregates over entities some of which are unknown ("some person's
   * level is at least 8" with one level missing): a comparison that holds is
   * conclusive, one that fails is unknown.
   */
  readonly incomplete?: boolean;
  /**
   * No entity has a value to compare ("some person's image level" when nobody
   * has images): every comparison on the fact is false, not unknown.
   */
  readonly empty?: boolean;
  /** The value in words, for `because`. */
  readonly phrases: readonly string[];
  /** For list-valued facts: the words for each item, so a condition cites only the items it matched. */
  readonly itemPhrases?: Readonly<Record<string, readonly string[]>>;
  /**
   * Safe readings: the fact is decided, but these unknown paths could still
   * change it. A rule that fires on it lists them in informationNeeded.
   */
  readonly stillNeeded?: readonly string[];
  /** For the facts that mark an action done: the date that shows it (`doneOn`). */
  readonly date?: string;
}

export type Facts = Readonly<Record<string, Fact>>;
