package dev.tfe.data;

import java.io.IOException;

/** A file is not a well-formed IDX file (or not the kind expected); the message names the file and the fault. */
public class IdxFormatException extends IOException {
  private static final long serialVersionUID = 1L;

  public IdxFormatException(String message) {
    super(message);
  }
}
