package dev.tfe.model.privatetrain;

import dev.tfe.program.Party;
import dev.tfe.data.Dataset;
import java.util.Objects;

/**
 * A data owner and its rows: examples and labels that it alone reads and secret-shares, one
 * horizontal part of the training set (for instance the patients of one hospital).
 *
 * @param party the owner
 * @param rows its examples and labels
 */
public record DataOwner(Party party, Dataset rows) {
  public DataOwner {
    Objects.requireNonNull(party, "party");
    Objects.requireNonNull(rows, "rows");
    if (rows.size() == 0) {
      throw new IllegalArgumentException(party + " holds no rows; give every data owner at least one example");
    }
  }

  /** {@code party} holding {@code rows}. */
  public static DataOwner of(Party party, Dataset rows) {
    return new DataOwner(party, rows);
  }

  @Override
  public String toString() {
    return party.name() + " (" + rows.size() + " rows)";
  }
}
