package io.github.s3fifo.bench.charts;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleFunction;

/** Grouped vertical bars: one group per label, one bar per series, value printed on each. */
final class BarChart {

  /** A named series with one value per group (NaN where it was not measured). */
  record Series(String name, double[] values) {}

  private static final int LEFT = 90;
  private static final int PLOT_HEIGHT = 380;

  private BarChart() {}

  static void render(Path file, String title, String yLabel, List<String> groups,
      List<Series> series, DoubleFunction<String> valueLabel, String note) throws IOException {
    int barWidth = series.size() > 8 ? 18 : 24;
    int groupWidth = series.size() * barWidth + 30;
    int plotWidth = Math.max(700, groups.size() * groupWidth);
    int width = LEFT + plotWidth + 30;
    List<String> names = new ArrayList<>();
    List<Color> colors = new ArrayList<>();
    for (int i = 0; i < series.size(); i++) {
      names.add(series.get(i).name());
      colors.add(Palette.of(series.get(i).name(), i));
    }
    int legendHeight = new Canvas(width, 10).legend(names, colors, LEFT, 60, plotWidth);
    int top = 60 + legendHeight + 50;
    int height = top + PLOT_HEIGHT + 50 + (note == null ? 0 : 24);
    Canvas c = new Canvas(width, height);
    c.text(title, Canvas.TITLE, Canvas.AXIS, width / 2, 30, 0);
    c.legend(names, colors, LEFT, 60, plotWidth);

    double max = 0;
    for (Series s : series) {
      for (double v : s.values()) {
        if (!Double.isNaN(v)) {
          max = Math.max(max, v);
        }
      }
    }
    double[] ticks = Canvas.ticks(max, 6);
    double scaleMax = ticks[ticks.length - 1];
    int bottom = top + PLOT_HEIGHT;
    for (double tick : ticks) {
      int y = bottom - (int) Math.round(PLOT_HEIGHT * tick / scaleMax);
      c.line(Canvas.GRID, 1f, LEFT, y, LEFT + plotWidth, y);
      c.text(Canvas.number(tick), Canvas.LABEL, Canvas.AXIS, LEFT - 8, y + 5, 1);
    }
    c.verticalText(yLabel, Canvas.LABEL, Canvas.AXIS, 22, top + PLOT_HEIGHT / 2);

    int slot = plotWidth / groups.size();
    for (int gi = 0; gi < groups.size(); gi++) {
      int groupLeft = LEFT + gi * slot + (slot - series.size() * barWidth) / 2;
      for (int si = 0; si < series.size(); si++) {
        double v = series.get(si).values()[gi];
        if (Double.isNaN(v)) {
          continue;
        }
        int h = (int) Math.round(PLOT_HEIGHT * v / scaleMax);
        int x = groupLeft + si * barWidth;
        c.g.setColor(colors.get(si));
        c.g.fillRect(x + 1, bottom - h, barWidth - 2, h);
        c.verticalText(valueLabel.apply(v), Canvas.SMALL, Canvas.AXIS, x + barWidth / 2 + 4,
            bottom - h - 6 - textHalf(c, valueLabel.apply(v)));
      }
      c.text(groups.get(gi), Canvas.LABEL, Canvas.AXIS, LEFT + gi * slot + slot / 2,
          bottom + 22, 0);
    }
    c.line(Canvas.AXIS, 1.5f, LEFT, bottom, LEFT + plotWidth, bottom);
    c.line(Canvas.AXIS, 1.5f, LEFT, top - 10, LEFT, bottom);
    if (note != null) {
      c.text(note, Canvas.SMALL, Canvas.AXIS, LEFT, height - 14, -1);
    }
    c.write(file);
  }

  /** Half the width of a label, which stands upright above its bar. */
  private static int textHalf(Canvas c, String label) {
    c.g.setFont(Canvas.SMALL);
    return c.g.getFontMetrics().stringWidth(label) / 2;
  }
}
