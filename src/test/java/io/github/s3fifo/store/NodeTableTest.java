package io.github.s3fifo.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class NodeTableTest {

  private static Node<Integer, Integer> node(int key) {
    Node<Integer, Integer> node = new Node<>(key, ShardedStore.fingerprint(key));
    node.value = key;
    return node;
  }

  @Test
  void findsInsertedNodesAndForgetsRemovedOnes() {
    NodeTable<Integer, Integer> table = new NodeTable<>(16, 2);
    List<Node<Integer, Integer>> nodes = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      Node<Integer, Integer> n = node(i);
      assertNull(table.putIfAbsent(n));
      nodes.add(n);
    }
    assertEquals(100, table.size());
    for (int i = 0; i < 100; i++) {
      assertSame(nodes.get(i), table.get(i, ShardedStore.fingerprint(i)));
    }
    Node<Integer, Integer> duplicate = node(7);
    assertSame(nodes.get(7), table.putIfAbsent(duplicate), "an equal key keeps its node");
    table.remove(duplicate); // not in the table: nothing happens
    assertEquals(100, table.size());
    for (int i = 0; i < 100; i += 2) {
      table.remove(nodes.get(i));
    }
    assertEquals(50, table.size());
    for (int i = 0; i < 100; i++) {
      Node<Integer, Integer> found = table.get(i, ShardedStore.fingerprint(i));
      if (i % 2 == 0) {
        assertNull(found, "removed " + i);
      } else {
        assertSame(nodes.get(i), found);
      }
    }
  }

  @Test
  void growsToKeepAboutOneNodePerBinAndSnapshotsEveryNodeOnce() {
    NodeTable<Integer, Integer> table = new NodeTable<>(16, 0);
    assertEquals(16, table.length());
    for (int i = 0; i < 10_000; i++) {
      table.putIfAbsent(node(i));
    }
    assertTrue(table.length() >= 10_000 && table.length() <= 16_384, "length " + table.length());
    Set<Integer> keys = new HashSet<>();
    for (Node<Integer, Integer> n : table.snapshot()) {
      assertTrue(keys.add(n.key), "twice: " + n.key);
    }
    assertEquals(10_000, keys.size());
    Set<Integer> walked = new HashSet<>();
    assertTrue(table.forEachUnlessGrown(n -> assertTrue(walked.add(n.key), "twice: " + n.key)));
    assertEquals(keys, walked);
  }

  @Test
  void sizesItselfFromTheExpectedCount() {
    assertEquals(131_072, new NodeTable<>(125_000, 3).length());
    assertEquals(16, new NodeTable<>(0, 3).length());
  }

  /**
   * Readers look up keys that stay present while a writer makes the table grow again and again,
   * and churns other keys: a present key must never be missed, nor a snapshot lose one.
   */
  @Test
  void aPresentKeyIsNeverMissedWhileTheTableGrows() throws Exception {
    for (int round = 0; round < 5; round++) {
      NodeTable<Integer, Integer> table = new NodeTable<>(16, 1);
      int anchors = 64;
      for (int i = 0; i < anchors; i++) {
        table.putIfAbsent(node(-1 - i));
      }
      AtomicBoolean done = new AtomicBoolean();
      AtomicReference<String> failure = new AtomicReference<>();
      AtomicLong lookups = new AtomicLong();
      CountDownLatch started = new CountDownLatch(2);
      Runnable reader = () -> {
        started.countDown();
        long n = 0;
        while (!done.get()) {
          int key = -1 - (int) (n % anchors);
          if (table.get(key, ShardedStore.fingerprint(key)) == null) {
            failure.compareAndSet(null, "missed present key " + key);
          }
          if (n % 4096 == 0) {
            long found = table.snapshot().stream().filter(x -> x.key < 0).count();
            if (found != anchors) {
              failure.compareAndSet(null, "snapshot held " + found + " of " + anchors + " anchors");
            }
            long[] seen = new long[1];
            if (table.forEachUnlessGrown(x -> seen[0] += x.key < 0 ? 1 : 0)
                && seen[0] != anchors) {
              failure.compareAndSet(null, "a walk not raced by growth saw " + seen[0]);
            }
          }
          n++;
        }
        lookups.addAndGet(n);
      };
      Thread r1 = new Thread(reader);
      Thread r2 = new Thread(reader);
      r1.start();
      r2.start();
      started.await();
      List<Node<Integer, Integer>> churn = new ArrayList<>();
      for (int i = 0; i < 200_000; i++) {
        Node<Integer, Integer> n = node(i);
        table.putIfAbsent(n);
        churn.add(n);
        if (i % 3 == 0) {
          table.remove(churn.get(i / 2));
        }
      }
      done.set(true);
      r1.join();
      r2.join();
      assertNull(failure.get());
      assertTrue(lookups.get() > 0);
      assertTrue(table.length() >= 65_536, "grew to " + table.length());
    }
  }
}
