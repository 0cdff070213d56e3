package dev.tfe.render;

import dev.tfe.profile.Profile;
import dev.tfe.profile.Span;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A call's timeline, one lane per party, as PNG (Java2D, headless): when each party computed,
 * handed messages to the transport, and waited for its peers' messages, on one time axis from the
 * call's first recorded moment, with each party's totals per phase above its lane. It needs the
 * profile's {@link Profile#timeline()} (recorded by the in-process runtime).
 */
public final class TimelineChart {
  private static final int WIDTH = 1000;
  private static final int LEFT = 130;
  private static final int RIGHT = 20;
  private static final int TOP = 48;
  private static final int LANE = 46;
  private static final Map<Span.Phase, Color> COLOURS = Map.of(
      Span.Phase.COMPUTE, new Color(0x4c78a8), Span.Phase.SEND, new Color(0xf58518), Span.Phase.WAIT, new Color(0xcfcfcf));

  private TimelineChart() {}

  /** Per party, the nanoseconds spent in each phase, in the profile's party order. */
  public static Map<String, Map<Span.Phase, Long>> totals(Profile profile) {
    Map<String, Map<Span.Phase, Long>> t = new LinkedHashMap<>();
    for (Span s : profile.timeline()) {
      t.computeIfAbsent(s.party(), k -> new EnumMap<>(Span.Phase.class)).merge(s.phase(), s.nanos(), Long::sum);
    }
    Map<String, Map<Span.Phase, Long>> ordered = new LinkedHashMap<>();
    profile.parties().stream().filter(t::containsKey).forEach(p -> ordered.put(p, t.get(p)));
    t.forEach(ordered::putIfAbsent);
    return ordered;
  }

  /** The timeline as PNG bytes; refuses a profile without a timeline, saying why. */
  public static byte[] png(Profile profile) {
    List<Span> spans = profile.timeline();
    if (spans.isEmpty()) {
      throw new IllegalArgumentException("this profile has no timeline: only in-process runs (Tfe.local()) record one;"
          + " party processes report their totals");
    }
    Png.headless();
    Map<String, Map<Span.Phase, Long>> totals = totals(profile);
    List<String> parties = List.copyOf(totals.keySet());
    long t0 = spans.stream().mapToLong(Span::startNanos).min().orElse(0);
    long t1 = Math.max(t0 + 1, spans.stream().mapToLong(Span::endNanos).max().orElse(1));
    int height = TOP + LANE * parties.size() + 40;
    BufferedImage image = new BufferedImage(WIDTH, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, WIDTH, height);
    g.setColor(Color.BLACK);
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
    g.drawString(String.format(Locale.ROOT, "timeline: %.1f ms from the first recorded moment to the last", (t1 - t0) / 1e6), 12, 18);
    legend(g, 12, 30);
    double plot = WIDTH - LEFT - RIGHT;
    double perNano = plot / (t1 - t0);
    for (Span.Phase phase : List.of(Span.Phase.WAIT, Span.Phase.SEND, Span.Phase.COMPUTE)) {
      g.setColor(COLOURS.get(phase));
      for (Span s : spans) {
        if (s.phase() == phase) {
          double y = TOP + LANE * parties.indexOf(s.party()) + 16;
          double x = LEFT + (s.startNanos() - t0) * perNano;
          // a span shorter than a pixel still shows, as a pixel
          g.fill(new Rectangle2D.Double(x, y, Math.max(1, s.nanos() * perNano), LANE - 22));
        }
      }
    }
    g.setColor(Color.BLACK);
    for (int i = 0; i < parties.size(); i++) {
      String p = parties.get(i);
      int y = TOP + LANE * i;
      g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 12));
      g.drawString(p, 12, y + 32);
      Map<Span.Phase, Long> t = totals.get(p);
      g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
      g.drawString(String.format(Locale.ROOT, "compute %.1f ms \u00b7 send %.1f ms \u00b7 wait %.1f ms",
          t.getOrDefault(Span.Phase.COMPUTE, 0L) / 1e6, t.getOrDefault(Span.Phase.SEND, 0L) / 1e6,
          t.getOrDefault(Span.Phase.WAIT, 0L) / 1e6), LEFT, y + 12);
    }
    axis(g, TOP + LANE * parties.size() + 4, plot, (t1 - t0) / 1e6);
    g.dispose();
    return Png.encode(image);
  }

  private static void legend(Graphics2D g, int x, int y) {
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
    for (Span.Phase phase : Span.Phase.values()) {
      g.setColor(COLOURS.get(phase));
      g.fillRect(x, y, 14, 10);
      g.setColor(Color.BLACK);
      String name = phase.name().toLowerCase(Locale.ROOT);
      g.drawString(name, x + 18, y + 10);
      x += 30 + g.getFontMetrics().stringWidth(name);
    }
  }

  /** A time axis in milliseconds, with about eight round ticks. */
  private static void axis(Graphics2D g, int y, double plot, double ms) {
    g.setStroke(new BasicStroke(1f));
    g.drawLine(LEFT, y, (int) (LEFT + plot), y);
    double raw = ms / 8;
    double mag = Math.pow(10, Math.floor(Math.log10(raw)));
    double step = raw / mag < 2 ? 2 * mag : raw / mag < 5 ? 5 * mag : 10 * mag;
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
    for (double t = 0; t <= ms + 1e-9; t += step) {
      int x = (int) (LEFT + t / ms * plot);
      g.drawLine(x, y, x, y + 4);
      g.drawString(String.format(Locale.ROOT, step < 1 ? "%.1f" : "%.0f", t), x - 8, y + 16);
    }
    g.drawString("ms", (int) (LEFT + plot) - 14, y + 30);
  }
}
