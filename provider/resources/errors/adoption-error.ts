/** `adoptId` names an object that cannot be taken over. */
export class AdoptionError extends Error {
  readonly code = "adoption_failed";
  constructor(message: string) {
    super(message);
    this.name = "AdoptionError";
  }
}
