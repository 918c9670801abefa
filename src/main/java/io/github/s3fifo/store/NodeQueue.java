package io.github.s3fifo.store;

/** A FIFO of nodes, doubly linked so that a removal unlinks in O(1). Guarded by the shard lock. */
final class NodeQueue<K, V> {

  final int id;
  Node<K, V> head;
  Node<K, V> tail;
  long weight;
  long count;

  NodeQueue(int id) {
    this.id = id;
  }

  void linkLast(Node<K, V> node) {
    node.setQueue(id);
    node.next = null;
    node.prev = tail;
    if (tail == null) {
      head = node;
    } else {
      tail.next = node;
    }
    tail = node;
    weight += node.weight();
    count++;
  }

  void unlink(Node<K, V> node) {
    Node<K, V> p = node.prev;
    Node<K, V> n = node.next;
    if (p == null) {
      head = n;
    } else {
      p.next = n;
    }
    if (n == null) {
      tail = p;
    } else {
      n.prev = p;
    }
    node.prev = null;
    node.next = null;
    node.setQueue(Node.UNLINKED);
    weight -= node.weight();
    count--;
  }

  boolean isEmpty() {
    return head == null;
  }

  void clear() {
    head = null;
    tail = null;
    weight = 0;
    count = 0;
  }
}
