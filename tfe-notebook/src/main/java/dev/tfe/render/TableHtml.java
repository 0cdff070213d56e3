package dev.tfe.render;

import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/** A Tablesaw {@link Table} as an HTML table (tablesaw-core has no HTML writer). */
public final class TableHtml {
  /** Rows shown by {@link #of(Table)}; the rest are counted below the table. */
  public static final int DEFAULT_MAX_ROWS = 50;

  private TableHtml() {}

  /** The table's name, columns and first {@value #DEFAULT_MAX_ROWS} rows. */
  public static String of(Table table) {
    return of(table, DEFAULT_MAX_ROWS);
  }

  /** The table's name, columns and first {@code maxRows} rows. */
  public static String of(Table table, int maxRows) {
    StringBuilder sb = new StringBuilder("<table>");
    if (table.name() != null && !table.name().isEmpty()) {
      sb.append("<caption>").append(Svg.escape(table.name())).append("</caption>");
    }
    sb.append("<thead><tr>");
    for (Column<?> c : table.columns()) {
      sb.append("<th>").append(Svg.escape(c.name())).append("</th>");
    }
    sb.append("</tr></thead><tbody>");
    int shown = Math.min(maxRows, table.rowCount());
    for (int r = 0; r < shown; r++) {
      sb.append("<tr>");
      for (Column<?> c : table.columns()) {
        sb.append("<td>").append(Svg.escape(c.getString(r))).append("</td>");
      }
      sb.append("</tr>");
    }
    sb.append("</tbody></table>");
    if (table.rowCount() > shown) {
      sb.append("<p>... ").append(table.rowCount() - shown).append(" more rows of ").append(table.rowCount()).append("</p>");
    }
    return sb.toString();
  }
}
