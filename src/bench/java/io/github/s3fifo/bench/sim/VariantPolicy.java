package io.github.s3fifo.bench.sim;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A one-shard S3-FIFO written for the simulator only, with switches for the policy variants
 * tried in issue 5 (ghost length, what the ghost remembers, the promotion threshold, the small
 * queue's share, admission to main gated by a frequency sketch, adaptive small shares). With
 * every switch at its default it is plain S3-FIFO as the store had it before (small 10%, every
 * ghost hit to main); {@code preset=yield} sets the switches of the store's policy now. Both
 * make exactly the store's decisions of their time (checked by running them beside
 * {@code s3fifo-1shard}: every hit count equal), so a variant's difference is the variant's.
 *
 * <p>Specification: {@code ID@key=value,key=value}; keys (defaults in brackets):
 * <ul>
 *   <li>{@code preset} [none]: {@code adopted} = the store's first policy with admission;
 *       {@code yield} = the store's policy now (policy-variants-2.md), adopted plus
 *       {@link #YIELD} (later keys override it)
 *   <li>{@code ghost} [1]: the ghost holds {@code factor × max(expected entries, live entries)}
 *       fingerprints (at least 16)
 *   <li>{@code ghostmain} [0]: 1 = keys evicted from main are remembered too
 *   <li>{@code promote} [1]: the counter a small head needs to move to main (2 = the paper's)
 *   <li>{@code small} [0.1]: the small queue's share of the capacity
 *   <li>{@code adm} [none]: {@code ghost} = a ghost hit joins main only if its sketch estimate
 *       beats main's head's (else small); {@code exit} = a small head about to be evicted moves to
 *       main instead if its estimate beats main's head's; {@code both}
 *   <li>{@code fold} [1]: 1 = each unit of an entry's counter consumed by the policy (promotion,
 *       a trip round main) is added to the sketch, so hits reach it from the write path
 *   <li>{@code vfreq} [1]: 1 = the victim's estimate adds its unconsumed counter
 *   <li>{@code rotate} [0]: 1 = a victim that keeps its place moves to main's tail, its counter
 *       consumed (as a trip round main would)
 *   <li>{@code adv} [0]: 1 = before comparing, main's head is advanced to an entry whose counter is
 *       0 (entries with a positive counter go round main, counter − 1, as in an eviction step):
 *       the candidate meets the entry main would really evict next
 *   <li>{@code sample} [10]: the sketch halves its counters every {@code sample × width}
 *       increments
 *   <li>{@code margin} [0]: the candidate must beat the victim's estimate plus this
 *   <li>{@code full} [0]: 1 = admission is asked only when main holds its share already
 *       (its weight plus the candidate's would exceed capacity − small's target); otherwise the
 *       candidate joins main freely
 *   <li>{@code fullexit} [0]: 1 = with full=1, a small head leaving while main is below its share
 *       is evicted as usual (not moved to main freely)
 *   <li>{@code exitmin} [0]: with full=1, a small head leaving while main is below its share
 *       moves to main only if its sketch estimate is at least this
 *   <li>{@code seen} [0]: K &gt; 0 = a new key whose sketch estimate (this insertion counted) is
 *       at least K is treated as a ghost hit
 *   <li>{@code exitw} [0]: 1 = a small head heavier than main's victim is never moved to main by
 *       the exit admission
 *   <li>{@code scan} [0]: K &gt; 0 = the victim is the first entry with counter 0 among main's
 *       first K (nothing is moved); if there is none, the candidate is refused
 *   <li>{@code density} [0]: 1 = estimates are compared per unit of weight (candidate estimate ×
 *       victim weight against victim estimate × candidate weight)
 *   <li>{@code readsketch} [0]: 1 = a diagnostic the store may not do: every hit also increments
 *       the sketch (and nothing is folded)
 *   <li>{@code warm} [0]: 1 = with full=1, free moves from small to main happen only until main
 *       first holds its share (warm-up); later a leaving head with main below its share is
 *       evicted
 *   <li>{@code gateany} [0]: 1 = with warm=1, after warm-up a leaving small head meets main's
 *       victim even when main is below its share (instead of being evicted)
 *   <li>{@code warmexit} [0]: 1 = with adm=both, a small head never read moves to main only
 *       during warm-up (main not yet filled); afterwards it is always evicted
 *   <li>{@code dk} [0]: 1 = the ghost is the sketch's doorkeeper: an insertion is counted only
 *       if it is a ghost hit (one-time keys never reach the sketch)
 *   <li>{@code proven} [0]: 1 = the margin protects only a victim that was read since it was
 *       linked (the policy consumed a unit of its counter); an unread victim loses to any
 *       candidate with a higher estimate
 *   <li>{@code unreadloses} [0]: 1 = a victim never read since it was linked loses to any
 *       candidate, whatever the sketch says
 *   <li>{@code tie} [0]: 1 = ties admit the candidate
 *   <li>{@code width} [1]: sketch counters per row per expected entry
 *   <li>{@code cons} [0]: 1 = conservative update
 *   <li>{@code adapt} [none]: {@code arc} = a ghost hit of a small eviction grows small's share
 *       by {@code step} of the capacity, of a main eviction shrinks it (needs ghostmain=1)
 *   <li>{@code adapt=pr}: a small head promoted by a hit grows small's share by {@code up ×
 *       step}; a candidate refused by main shrinks it by {@code step}
 *   <li>{@code adapt=climb}: hill climbing on the hits seen from the write path (counter units
 *       consumed) per miss, every {@code period × expected entries} misses; the first step is
 *       {@code step} of the capacity, then × {@code decay}; {@code truehits=1} climbs on the
 *       real hits instead (a diagnostic: the store cannot count them)
 *   <li>{@code adapt=tie}: a ghost hit younger than small's entry count (in small evictions,
 *       needs gexact=1) grows small's share by {@code up × step}; a ghost hit refused although
 *       its estimate is at least the victim's shrinks it by {@code step}
 *   <li>{@code adapt=yield}: each head leaving small adjusts small's share: read while in small
 *       (counter &gt; 0) grows it by {@code up × step}, never read shrinks it by {@code step}; so
 *       small settles where a fraction {@code 1 / (1 + up)} of its heads were read there. The
 *       share is kept in whole thousandths (from 100, within {@code minsmall}..{@code maxsmall},
 *       steps rounded to thousandths) and small's target is {@code max(1, C × share / 1000)};
 *       {@code mup} [0] &gt; 0: each eviction from main's head (never read there) grows it by
 *       {@code mup × step} too
 *   <li>{@code step} [0.01], {@code minsmall} [0.01], {@code maxsmall} [0.9]
 *   <li>{@code gexact} [0]: 1 = an exact ghost: each fingerprint remembers only its latest
 *       record (by sequence number), a lookup hit forgets it, and dropping an older record of
 *       the same fingerprint does not forget a newer one (the store's count per fingerprint
 *       lets the stale record of a key that returned and was evicted again forget it early,
 *       which halves the effective length for keys that recur)
 *   <li>{@code gcompact} [0]: S &gt; 0 = the ghost is a {@link CompactGhost} of about {@code S ×}
 *       its length in slots of 4 bytes (the ghost switch sets its length; no origin tracking)
 *   <li>{@code shards} [1]: N (a power of two) or {@code auto} (the store's default count) =
 *       the variant runs as N independent shards, as the store would ({@link ShardedVariant})
 *   <li>{@code hitsample} [1]: with truehits=1, read hits are counted by sampling one in N
 *       (deterministic xorshift), each sample counting N, as a store would count them cheaply;
 *       with truehits=1 the climbing period counts these hits plus the misses (requests)
 * </ul>
 */
final class VariantPolicy implements Policy {

  /** The switches of the store's first policy with admission (before {@link #YIELD}). */
  static final Map<String, String> ADOPTED = Map.of("adm", "both", "adv", "1", "full", "1",
      "warm", "1", "warmexit", "1", "margin", "1");

  /**
   * Added to {@link #ADOPTED} by {@code preset=yield}: the store's policy now (package-info), as
   * proposed in bench-results/sim/policy-variants-2.md with the ghost of its yield-compact6 (a
   * compact ghost six times as long, small's share moved by the yield of its heads).
   */
  static final Map<String, String> YIELD = Map.of("ghost", "6", "gcompact", "1.25",
      "adapt", "yield", "up", "9", "step", "0.001", "minsmall", "0.01", "maxsmall", "0.2");

  /** A variant's switches. */
  record Config(String id, double ghostFactor, boolean ghostMain, int promote, double smallShare,
      String admission, boolean fold, boolean victimFreq, boolean rotate, boolean tieAdmits,
      double sketchWidth, boolean conservative, String adapt, double step, double minSmall,
      double maxSmall, boolean advance, double sample, int margin, boolean onlyFull,
      boolean exitOnlyFull, int exitMin, int sketchSeen, boolean exitWeight, int scan,
      boolean density, boolean readSketch, boolean warmOnly, double up, double period,
      double decay, boolean trueHits, boolean gateAny, boolean warmExitOnly,
      boolean doorkeeper, boolean provenMargin, boolean unreadLoses, boolean exactGhost,
      int hitSample, double compactGhost, double mainUp, String shards) {

    static Config parse(String spec) {
      int at = spec.indexOf('@');
      String id = at < 0 ? spec : spec.substring(0, at);
      Map<String, String> m = new HashMap<>();
      if (at >= 0 && at + 1 < spec.length()) {
        for (String kv : spec.substring(at + 1).split(",")) {
          if (kv.equals("preset=adopted") || kv.equals("preset=yield")) {
            m.putAll(ADOPTED);
            if (kv.equals("preset=yield")) {
              m.putAll(YIELD);
            }
            continue;
          }
          String[] p = kv.split("=", 2);
          if (p.length != 2) {
            throw new IllegalArgumentException("bad variant option '" + kv + "' in " + spec);
          }
          m.put(p[0], p[1]);
        }
      }
      Config c = new Config("v-" + id,
          Double.parseDouble(m.getOrDefault("ghost", "1")),
          m.getOrDefault("ghostmain", "0").equals("1"),
          Integer.parseInt(m.getOrDefault("promote", "1")),
          Double.parseDouble(m.getOrDefault("small", "0.1")),
          m.getOrDefault("adm", "none"),
          m.getOrDefault("fold", "1").equals("1"),
          m.getOrDefault("vfreq", "1").equals("1"),
          m.getOrDefault("rotate", "0").equals("1"),
          m.getOrDefault("tie", "0").equals("1"),
          Double.parseDouble(m.getOrDefault("width", "1")),
          m.getOrDefault("cons", "0").equals("1"),
          m.getOrDefault("adapt", "none"),
          Double.parseDouble(m.getOrDefault("step", "0.01")),
          Double.parseDouble(m.getOrDefault("minsmall", "0.01")),
          Double.parseDouble(m.getOrDefault("maxsmall", "0.9")),
          m.getOrDefault("adv", "0").equals("1"),
          Double.parseDouble(m.getOrDefault("sample", "10")),
          Integer.parseInt(m.getOrDefault("margin", "0")),
          m.getOrDefault("full", "0").equals("1"),
          m.getOrDefault("fullexit", "0").equals("1"),
          Integer.parseInt(m.getOrDefault("exitmin", "0")),
          Integer.parseInt(m.getOrDefault("seen", "0")),
          m.getOrDefault("exitw", "0").equals("1"),
          Integer.parseInt(m.getOrDefault("scan", "0")),
          m.getOrDefault("density", "0").equals("1"),
          m.getOrDefault("readsketch", "0").equals("1"),
          m.getOrDefault("warm", "0").equals("1"),
          Double.parseDouble(m.getOrDefault("up", "1")),
          Double.parseDouble(m.getOrDefault("period", "1")),
          Double.parseDouble(m.getOrDefault("decay", "0.98")),
          m.getOrDefault("truehits", "0").equals("1"),
          m.getOrDefault("gateany", "0").equals("1"),
          m.getOrDefault("warmexit", "0").equals("1"),
          m.getOrDefault("dk", "0").equals("1"),
          m.getOrDefault("proven", "0").equals("1"),
          m.getOrDefault("unreadloses", "0").equals("1"),
          m.getOrDefault("gexact", "0").equals("1"),
          Integer.parseInt(m.getOrDefault("hitsample", "1")),
          Double.parseDouble(m.getOrDefault("gcompact", "0")),
          Double.parseDouble(m.getOrDefault("mup", "0")),
          m.getOrDefault("shards", "1"));
      m.keySet().removeAll(java.util.List.of("ghost", "ghostmain", "promote", "small", "adm",
          "fold", "vfreq", "rotate", "tie", "width", "cons", "adapt", "step", "minsmall",
          "maxsmall", "adv", "sample", "margin", "full", "fullexit", "exitmin", "seen",
          "exitw", "scan", "density", "readsketch", "warm", "up", "period", "decay",
          "truehits", "gateany", "warmexit", "dk", "proven", "unreadloses", "gexact",
          "hitsample", "gcompact", "mup", "shards"));
      if (!m.isEmpty()) {
        throw new IllegalArgumentException("unknown variant options " + m.keySet() + " in " + spec);
      }
      return c;
    }

    PolicySpec spec() {
      return new PolicySpec(id, (capacity, trace) -> {
        long expected = PolicyKind.expectedEntries(capacity, trace);
        int count = shards.equals("auto") ? ShardedVariant.defaultCount(expected)
            : Integer.parseInt(shards);
        return count == 1 ? new VariantPolicy(this, capacity, expected)
            : new ShardedVariant(this, capacity, expected, count);
      });
    }
  }

  private static final class Node {
    final long key;
    final int fp;
    final int weight;
    int freq;
    boolean inMain;
    boolean proven;

    Node(long key, int fp, int weight) {
      this.key = key;
      this.fp = fp;
      this.weight = weight;
    }
  }

  private final Config config;
  private final long capacity;
  private final HashMap<Long, Node> map = new HashMap<>();
  private final ArrayDeque<Node> small = new ArrayDeque<>();
  private final ArrayDeque<Node> main = new ArrayDeque<>();
  private final VariantGhost ghost;
  private final VariantSketch sketch;
  /** With hitsample &gt; 1: the sampler of read hits (xorshift, fixed seed). */
  private long sampler = 0x9E3779B97F4A7C15L;
  private long smallWeight;
  private long mainWeight;
  private double smallTarget;
  /** With adapt=yield: small's share in thousandths of the capacity. */
  private long shareMilli = 100;
  private boolean mainWasFull;
  private long observedHits;
  private long trueHits;
  private long periodMisses;
  private long climbPeriod;
  private double previousRate = -1;
  private double climbStep;
  private int direction = 1;
  private long admitted;
  private long rejected;

  VariantPolicy(Config config, long capacity, long expectedEntries) {
    this.config = config;
    this.capacity = capacity;
    long ghostFloor = Math.max(16, Math.round(config.ghostFactor() * expectedEntries));
    this.smallTarget = Math.max(1, config.smallShare() == 0.1 ? capacity / 10
        : (long) (capacity * config.smallShare()));
    this.climbPeriod = Math.max(16, Math.round(config.period() * expectedEntries));
    this.climbStep = config.step() * capacity;
    this.ghost = new VariantGhost(config.ghostFactor(), ghostFloor, config.exactGhost(),
        config.compactGhost(), config.adapt().equals("arc"));
    this.sketch = config.admission().equals("none") ? null
        : new VariantSketch(expectedEntries, config.sketchWidth(), config.conservative(),
            config.sample());
  }

  @Override
  public boolean access(long key, int size) {
    Node n = map.get(key);
    if (n != null) {
      if (config.hitSample() <= 1) {
        trueHits++;
      } else {
        sampler ^= sampler << 13;
        sampler ^= sampler >>> 7;
        sampler ^= sampler << 17;
        if (Long.remainderUnsigned(sampler, config.hitSample()) == 0) {
          trueHits += config.hitSample();
        }
      }
      if (config.readSketch() && sketch != null) {
        sketch.increment(n.fp);
      }
      if (n.freq < 3) {
        n.freq++;
      }
      return true;
    }
    insert(key, size);
    return false;
  }

  private static long milli(double fraction) {
    return Math.round(fraction * 1000);
  }

  private long target() {
    return Math.max(1, (long) smallTarget);
  }

  private void insert(long key, int w) {
    if (w > capacity) {
      return;
    }
    if (config.adapt().equals("climb")
        && ++periodMisses + (config.trueHits() ? trueHits : 0) >= climbPeriod) {
      climb();
    }
    int fp = fingerprint(key);
    boolean ghostHit = consumeGhost(fp);
    if (ghostHit && config.adapt().equals("tie") && ghost.lastAge() <= small.size()) {
      smallTarget = Math.min(config.maxSmall() * capacity,
          smallTarget + config.up() * config.step() * capacity);
    }
    if (sketch != null && (ghostHit || !config.doorkeeper())) {
      sketch.increment(fp);
    }
    if (!ghostHit && config.sketchSeen() > 0 && sketch.frequency(fp) >= config.sketchSeen()) {
      ghostHit = true;
    }
    boolean toMain = ghostHit;
    if (ghostHit && (config.admission().equals("ghost") || config.admission().equals("both"))) {
      toMain = admits(fp, w);
    }
    while (smallWeight + mainWeight + w > capacity) {
      evictionStep();
    }
    Node n = new Node(key, fp, w);
    map.put(key, n);
    if (sketch != null) {
      sketch.ensureWidth(map.size());
    }
    if (toMain) {
      n.inMain = true;
      main.addLast(n);
      mainWeight += w;
    } else {
      small.addLast(n);
      smallWeight += w;
    }
  }

  private void climb() {
    long hits = config.trueHits() ? trueHits : observedHits;
    double rate = (double) hits / (hits + periodMisses);
    if (previousRate >= 0) {
      double delta = rate - previousRate;
      if (delta < 0) {
        direction = -direction;
      }
      if (Math.abs(delta) > 0.05) {
        climbStep = config.step() * capacity;
      }
    }
    smallTarget = Math.max(config.minSmall() * capacity,
        Math.min(config.maxSmall() * capacity, smallTarget + direction * climbStep));
    climbStep *= config.decay();
    previousRate = rate;
    observedHits = 0;
    trueHits = 0;
    periodMisses = 0;
  }

  private void adaptSmall(boolean grow) {
    if (!config.adapt().equals("pr")) {
      return;
    }
    double step = config.step() * capacity;
    smallTarget = grow
        ? Math.min(config.maxSmall() * capacity, smallTarget + config.up() * step)
        : Math.max(config.minSmall() * capacity, smallTarget - step);
  }

  /** Whether a candidate beats main's head (the next victim); counts the outcome. */
  private boolean admits(int fp, int w) {
    return admits(fp, w, false);
  }

  private boolean admits(int fp, int w, boolean always) {
    if (!always && config.onlyFull() && mainWeight + w <= capacity - target()) {
      return true;
    }
    if (config.advance()) {
      advance();
    }
    if (main.isEmpty()) {
      return true;
    }
    Node victim = victim();
    if (victim == null) {
      rejected++;
      return false;
    }
    if (config.unreadLoses() && !victim.proven) {
      admitted++;
      return true;
    }
    long candidate = sketch.frequency(fp);
    long incumbent = sketch.frequency(victim.fp) + (config.victimFreq() ? victim.freq : 0);
    incumbent += config.provenMargin() && !victim.proven ? 0 : config.margin();
    if (config.density()) {
      candidate *= victim.weight;
      incumbent *= w;
    }
    boolean admit = config.tieAdmits() ? candidate >= incumbent : candidate > incumbent;
    if (admit) {
      admitted++;
    } else {
      rejected++;
      if (config.adapt().equals("tie") && candidate >= incumbent - config.margin()) {
        smallTarget = Math.max(config.minSmall() * capacity,
            smallTarget - config.step() * capacity);
      }
      adaptSmall(false);
      if (config.rotate()) {
        main.pollFirst();
        consume(victim, victim.freq);
        victim.freq = 0;
        main.addLast(victim);
      }
    }
    return admit;
  }

  /** The weight of the entry main would evict next (advancing main first when adv=1). */
  private int victimWeight() {
    if (config.advance()) {
      advance();
    }
    Node v = victim();
    return v == null ? Integer.MAX_VALUE : v.weight;
  }

  /** Main's next victim as the variant sees it, or null when a scan finds none. */
  private Node victim() {
    if (config.scan() > 0) {
      int i = 0;
      for (Node n : main) {
        if (n.freq == 0) {
          return n;
        }
        if (++i >= config.scan()) {
          break;
        }
      }
      return null;
    }
    return main.peekFirst();
  }

  private void advance() {
    for (int budget = 4 * main.size(); budget > 0; budget--) {
      Node head = main.peekFirst();
      if (head == null || head.freq == 0) {
        break;
      }
      main.pollFirst();
      head.freq--;
      consume(head, 1);
      main.addLast(head);
    }
  }

  private void consume(Node n, int units) {
    observedHits += units;
    if (units > 0) {
      n.proven = true;
    }
    if (sketch != null && config.fold()) {
      for (int i = 0; i < units; i++) {
        sketch.increment(n.fp);
      }
    }
  }

  private void evictionStep() {
    boolean fromSmall = smallWeight >= target() || main.isEmpty();
    if (fromSmall && small.isEmpty()) {
      fromSmall = false;
    } else if (!fromSmall && main.isEmpty()) {
      fromSmall = true;
    }
    if (fromSmall) {
      Node n = small.pollFirst();
      smallWeight -= n.weight;
      boolean promote = n.freq >= config.promote();
      if (promote) {
        adaptSmall(true);
      }
      if (!promote && (config.admission().equals("exit") || config.admission().equals("both"))) {
        boolean mainFull = mainWeight + n.weight > capacity - target();
        if (mainFull) {
          mainWasFull = true;
        }
        if (config.warmExitOnly() && (mainFull || mainWasFull)) {
          promote = false;
        } else if (config.onlyFull() && !mainFull && !(config.gateAny() && mainWasFull)) {
          promote = !config.exitOnlyFull() && !(config.warmOnly() && mainWasFull)
              && sketch.frequency(n.fp) >= config.exitMin();
        } else if (config.exitWeight() && !main.isEmpty() && n.weight > victimWeight()) {
          promote = false;
        } else {
          promote = admits(n.fp, n.weight, config.gateAny());
        }
      }
      if (config.adapt().equals("yield")) {
        // In whole thousandths of the capacity, as the store would keep it (an int per shard).
        shareMilli = n.freq > 0
            ? Math.min(milli(config.maxSmall()), shareMilli + milli(config.up() * config.step()))
            : Math.max(milli(config.minSmall()), shareMilli - milli(config.step()));
        smallTarget = Math.max(1, capacity * shareMilli / 1000);
      }
      if (promote) {
        consume(n, n.freq);
        n.freq = 0;
        n.inMain = true;
        mainWeight += n.weight;
        main.addLast(n);
      } else {
        map.remove(n.key);
        addToGhost(n.fp, false);
      }
    } else {
      Node n = main.pollFirst();
      if (n.freq > 0) {
        n.freq--;
        consume(n, 1);
        main.addLast(n);
      } else {
        mainWeight -= n.weight;
        map.remove(n.key);
        if (config.adapt().equals("yield") && config.mainUp() > 0) {
          shareMilli = Math.min(milli(config.maxSmall()),
              shareMilli + milli(config.mainUp() * config.step()));
          smallTarget = Math.max(1, capacity * shareMilli / 1000);
        }
        if (config.ghostMain()) {
          addToGhost(n.fp, true);
        }
      }
    }
  }

  private boolean consumeGhost(int fp) {
    boolean hit = ghost.consume(fp);
    if (hit && config.adapt().equals("arc")) {
      double step = Math.max(1, config.step() * capacity);
      smallTarget = ghost.lastFromMain()
          ? Math.max(config.minSmall() * capacity, smallTarget - step)
          : Math.min(config.maxSmall() * capacity, smallTarget + step);
    }
    return hit;
  }

  private void addToGhost(int fp, boolean fromMain) {
    ghost.add(fp, fromMain, map.size());
  }

  /** The store's fingerprint of a {@code Long} key (ShardedStore.fingerprint, same mix). */
  static int fingerprint(long key) {
    int h = Long.hashCode(key);
    h ^= h >>> 16;
    h *= 0x45d9f3b;
    h ^= h >>> 16;
    return h;
  }

  @Override
  public String detail() {
    return String.format(Locale.ROOT, "admitted=%d rejected=%d small=%.0f s=%d/%d m=%d/%d",
        admitted, rejected, smallTarget, small.size(), smallWeight, main.size(), mainWeight);
  }
}
