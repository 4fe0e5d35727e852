/** The --data file exists but cannot be read back as simulator state. */
export class DataFileError extends Error {
  readonly code = "data_file_unreadable";

  constructor(file: string, reason: string) {
    super(`cannot load simulator data file ${file}: ${reason}`);
    this.name = "DataFileError";
  }
}
