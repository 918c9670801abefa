package io.github.s3fifo.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The ghost's representation; what it remembers is checked against the model elsewhere. */
class GhostTest {

  @Test
  void aGhostThatHasSeenFewEvictionsHoldsFewPages() {
    Ghost ghost = new Ghost(6_000_000); // 937,500 buckets: 14,649 pages of 2 KiB
    assertEquals(14_649, ghost.pageCount());
    assertEquals(0, ghost.pagesMade());
    for (int i = 1; i <= 10; i++) {
      ghost.add(ShardedStore.fingerprint(i), 1_000_000);
    }
    assertTrue(ghost.pagesMade() <= 10, "pages made: " + ghost.pagesMade());
    for (int i = 1; i <= 10; i++) {
      assertTrue(ghost.consume(ShardedStore.fingerprint(i)), "remembered " + i);
    }
    for (int i = 11; i <= 1_000; i++) {
      assertFalse(ghost.consume(ShardedStore.fingerprint(i)), "never added " + i);
    }
    assertTrue(ghost.pagesMade() <= 10, "asking makes no page");
    ghost.clear();
    assertEquals(0, ghost.pagesMade());
  }

  @Test
  void rememberedUntilTheHorizonThenForgotten() {
    Ghost ghost = new Ghost(1_000); // stamp units of 1 addition
    ghost.add(ShardedStore.fingerprint(-1), 10);
    for (int i = 0; i < 1_001; i++) {
      ghost.add(ShardedStore.fingerprint(i), 10);
    }
    assertTrue(ghost.consume(ShardedStore.fingerprint(1_000)), "the newest");
    assertFalse(ghost.consume(ShardedStore.fingerprint(-1)), "1,001 additions old: beyond");
  }
}
