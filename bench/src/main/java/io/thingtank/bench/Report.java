package io.thingtank.bench;

import java.util.Locale;
import org.HdrHistogram.Histogram;

/** Markdown table rows and latency percentiles for the scenarios' printed results. Stateless. */
final class Report {
  private Report() {}

  /** The value at {@code pct} of a histogram recorded in microseconds, in milliseconds. */
  static double ms(Histogram h, double pct) { return h.getValueAtPercentile(pct) / 1000.0; }

  /** The maximum of a histogram recorded in microseconds, in milliseconds. */
  static double maxMs(Histogram h) { return h.getMaxValue() / 1000.0; }

  /** A markdown header with its separator line. */
  static String header(String... columns) {
    return "| " + String.join(" | ", columns) + " |\n|" + "---|".repeat(columns.length);
  }

  /** A markdown row; doubles are printed with {@code %.2f}, whole numbers as they are. */
  static String row(Object... cells) {
    StringBuilder b = new StringBuilder("|");
    for (Object c : cells) {
      b.append(' ').append(c instanceof Double d ? String.format(Locale.ROOT, "%.2f", d) : String.valueOf(c)).append(" |");
    }
    return b.toString();
  }

  /** {@code a / b} formatted as a ratio, or "n/a" when b is zero. */
  static String ratio(double a, double b) {
    return b == 0 ? "n/a" : String.format(Locale.ROOT, "%.2fx", a / b);
  }
}
