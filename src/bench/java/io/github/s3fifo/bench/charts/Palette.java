package io.github.s3fifo.bench.charts;

import java.awt.Color;
import java.util.Locale;

/** One color per cache library, whatever the chart: ours stands out, the ceiling is gray. */
final class Palette {

  private static final Color[] OTHERS = {
      new Color(0x8c564b), new Color(0xe377c2), new Color(0xbcbd22), new Color(0x17becf)};

  private Palette() {}

  static Color of(String name, int index) {
    Color base = base(name.toLowerCase(Locale.ROOT), index);
    // The JCache variant of a library beside its native API: the same hue, lighter.
    return name.endsWith("-jcache") ? blend(base, Color.WHITE, 0.4) : base;
  }

  private static Color blend(Color a, Color b, double share) {
    return new Color(
        (int) Math.round(a.getRed() * (1 - share) + b.getRed() * share),
        (int) Math.round(a.getGreen() * (1 - share) + b.getGreen() * share),
        (int) Math.round(a.getBlue() * (1 - share) + b.getBlue() * share));
  }

  private static Color base(String n, int index) {
    if (n.equals("lru")) {
      return new Color(0x404040);
    }
    if (n.contains("1shard")) {
      return new Color(0xff9f40);
    }
    if (n.contains("s3fifo") || n.contains("ours")) {
      return n.contains("recipe") ? new Color(0x8b0000) : new Color(0xd62728);
    }
    if (n.contains("caffeine")) {
      return new Color(0x1f77b4);
    }
    if (n.contains("ehcache")) {
      return new Color(0x2ca02c);
    }
    if (n.contains("cache2k")) {
      return n.contains("strict") ? new Color(0xc5b0d5) : new Color(0x9467bd);
    }
    if (n.contains("chm") || n.contains("concurrenthashmap") || n.equals("none")) {
      return new Color(0x7f7f7f);
    }
    return OTHERS[Math.floorMod(index, OTHERS.length)];
  }
}
