package io.github.s3fifo.bench.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/** A white PNG canvas with the text and axis helpers the charts share. */
final class Canvas {

  static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 18);
  static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
  static final Font SMALL = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
  static final Color GRID = new Color(0xe0e0e0);
  static final Color AXIS = new Color(0x404040);

  final BufferedImage image;
  final Graphics2D g;

  Canvas(int width, int height) {
    image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING,
        RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, width, height);
  }

  void text(String text, Font font, Color color, int x, int y, int align) {
    g.setFont(font);
    g.setColor(color);
    FontMetrics metrics = g.getFontMetrics();
    int width = metrics.stringWidth(text);
    int left = align < 0 ? x : align == 0 ? x - width / 2 : x - width;
    g.drawString(text, left, y);
  }

  void verticalText(String text, Font font, Color color, int x, int y) {
    Graphics2D rotated = (Graphics2D) g.create();
    rotated.translate(x, y);
    rotated.rotate(-Math.PI / 2);
    rotated.setFont(font);
    rotated.setColor(color);
    rotated.drawString(text, -rotated.getFontMetrics().stringWidth(text) / 2, 0);
    rotated.dispose();
  }

  /** A legend row (or rows) of colored swatches starting at (x, y); returns the height used. */
  int legend(List<String> names, List<Color> colors, int x, int y, int maxWidth) {
    g.setFont(LABEL);
    FontMetrics metrics = g.getFontMetrics();
    int left = x;
    int top = y;
    for (int i = 0; i < names.size(); i++) {
      int width = 18 + metrics.stringWidth(names.get(i)) + 18;
      if (left + width > x + maxWidth && left > x) {
        left = x;
        top += 20;
      }
      g.setColor(colors.get(i));
      g.fillRect(left, top - 11, 12, 12);
      g.setColor(AXIS);
      g.drawString(names.get(i), left + 17, top);
      left += width;
    }
    return top - y + 20;
  }

  void line(Color color, float width, int x1, int y1, int x2, int y2) {
    g.setColor(color);
    g.setStroke(new BasicStroke(width));
    g.drawLine(x1, y1, x2, y2);
  }

  /** Up to about {@code count} round tick values from 0 to at least {@code max}. */
  static double[] ticks(double max, int count) {
    if (max <= 0 || Double.isNaN(max)) {
      return new double[] {0, 1};
    }
    double raw = max / count;
    double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
    double step = magnitude;
    for (double factor : new double[] {1, 2, 2.5, 5, 10}) {
      step = factor * magnitude;
      if (step >= raw) {
        break;
      }
    }
    int n = (int) Math.ceil(max / step - 1e-9);
    double[] ticks = new double[n + 1];
    for (int i = 0; i <= n; i++) {
      ticks[i] = i * step;
    }
    return ticks;
  }

  static String number(double value) {
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return String.format(Locale.ROOT, "%,d", (long) value);
    }
    return String.format(Locale.ROOT, "%.1f", value);
  }

  void write(Path file) throws IOException {
    g.dispose();
    Files.createDirectories(file.toAbsolutePath().getParent());
    ImageIO.write(image, "png", file.toFile());
  }
}
