package io.github.s3fifo.bench.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Small multiples: one panel per trace, a line per policy, x on a log scale. */
final class LineChart {

  /** A named line: points (x, y), x ascending. */
  record Series(String name, double[] xs, double[] ys) {}

  /** A panel: a title and its lines. */
  record Panel(String title, String xLabel, List<Series> series) {}

  private static final int PANEL_WIDTH = 400;
  private static final int PANEL_HEIGHT = 290;

  private LineChart() {}

  static void render(Path file, String title, String yLabel, List<Panel> panels, int columns,
      String note) throws IOException {
    Map<String, Color> colors = new LinkedHashMap<>();
    for (Panel panel : panels) {
      for (Series s : panel.series()) {
        colors.computeIfAbsent(s.name(), n -> Palette.of(n, colors.size()));
      }
    }
    int rows = (panels.size() + columns - 1) / columns;
    int width = columns * PANEL_WIDTH + 40;
    List<String> names = new ArrayList<>(colors.keySet());
    List<Color> swatches = new ArrayList<>(colors.values());
    int legendHeight = new Canvas(width, 10).legend(names, swatches, 40, 60, width - 80);
    int top = 60 + legendHeight;
    int height = top + rows * PANEL_HEIGHT + (note == null ? 10 : 34);
    Canvas c = new Canvas(width, height);
    c.text(title, Canvas.TITLE, Canvas.AXIS, width / 2, 30, 0);
    c.legend(names, swatches, 40, 60, width - 80);
    for (int i = 0; i < panels.size(); i++) {
      int x = 20 + (i % columns) * PANEL_WIDTH;
      int y = top + (i / columns) * PANEL_HEIGHT;
      panel(c, panels.get(i), colors, yLabel, x, y);
    }
    if (note != null) {
      c.text(note, Canvas.SMALL, Canvas.AXIS, 20, height - 12, -1);
    }
    c.write(file);
  }

  private static void panel(Canvas c, Panel panel, Map<String, Color> colors, String yLabel,
      int x, int y) {
    int left = x + 62;
    int right = x + PANEL_WIDTH - 16;
    int top = y + 30;
    int bottom = y + PANEL_HEIGHT - 50;
    c.text(panel.title(), Canvas.LABEL.deriveFont(java.awt.Font.BOLD), Canvas.AXIS,
        (left + right) / 2, y + 18, 0);
    double minX = Double.MAX_VALUE;
    double maxX = 0;
    double maxY = 0;
    for (Series s : panel.series()) {
      for (int i = 0; i < s.xs().length; i++) {
        minX = Math.min(minX, s.xs()[i]);
        maxX = Math.max(maxX, s.xs()[i]);
        maxY = Math.max(maxY, s.ys()[i]);
      }
    }
    double[] ticks = Canvas.ticks(Math.max(maxY, 1), 5);
    double scaleY = ticks[ticks.length - 1];
    for (double tick : ticks) {
      int ty = bottom - (int) Math.round((bottom - top) * tick / scaleY);
      c.line(Canvas.GRID, 1f, left, ty, right, ty);
      c.text(Canvas.number(tick), Canvas.SMALL, Canvas.AXIS, left - 6, ty + 4, 1);
    }
    c.verticalText(yLabel, Canvas.SMALL, Canvas.AXIS, x + 14, (top + bottom) / 2);
    double logMin = Math.log(minX);
    double logSpan = Math.max(Math.log(maxX) - logMin, 1e-9);
    List<Double> xTicks = new ArrayList<>();
    if (!panel.series().isEmpty()) {
      for (double v : panel.series().get(0).xs()) {
        xTicks.add(v);
      }
    }
    for (double tick : xTicks) {
      int tx = left + (int) Math.round((right - left) * (Math.log(tick) - logMin) / logSpan);
      c.line(Canvas.GRID, 1f, tx, top, tx, bottom);
      c.text(compact(tick), Canvas.SMALL, Canvas.AXIS, tx, bottom + 15, 0);
    }
    c.text(panel.xLabel(), Canvas.SMALL, Canvas.AXIS, (left + right) / 2, bottom + 32, 0);
    c.line(Canvas.AXIS, 1.2f, left, bottom, right, bottom);
    c.line(Canvas.AXIS, 1.2f, left, top, left, bottom);
    // Ours last, so that its line is on top.
    List<Series> ordered = new ArrayList<>(panel.series());
    ordered.sort((a, b) -> Boolean.compare(a.name().startsWith("s3fifo"),
        b.name().startsWith("s3fifo")));
    for (Series s : ordered) {
      Color color = colors.get(s.name());
      boolean ours = s.name().startsWith("s3fifo");
      boolean dashed = s.name().equals("lru") || s.name().endsWith("-strict")
          || s.name().endsWith("-1shard");
      c.g.setColor(color);
      c.g.setStroke(dashed
          ? new BasicStroke(1.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1f,
              new float[] {6f, 4f}, 0f)
          : new BasicStroke(ours ? 2.6f : 1.6f));
      int px = -1;
      int py = -1;
      for (int i = 0; i < s.xs().length; i++) {
        int sx = left + (int) Math.round((right - left) * (Math.log(s.xs()[i]) - logMin) / logSpan);
        int sy = bottom - (int) Math.round((bottom - top) * s.ys()[i] / scaleY);
        if (px >= 0) {
          c.g.drawLine(px, py, sx, sy);
        }
        c.g.fillOval(sx - 3, sy - 3, 6, 6);
        px = sx;
        py = sy;
      }
    }
  }

  /** 512, 4k, 1.5M, 2G: short tick labels. */
  static String compact(double value) {
    String[] units = {"", "k", "M", "G", "T"};
    int unit = 0;
    double v = value;
    while (v >= 1000 && unit < units.length - 1) {
      v /= 1000;
      unit++;
    }
    return (v == Math.rint(v) ? String.format(Locale.ROOT, "%d", (long) v)
        : String.format(Locale.ROOT, "%.1f", v)) + units[unit];
  }
}
