package io.github.s3fifo.jcache.management;

import javax.cache.management.CacheStatisticsMXBean;

/** The {@link CacheStatisticsMXBean} of one cache: a view of its {@link CacheStatistics}. */
public final class CacheStatisticsMXBeanImpl implements CacheStatisticsMXBean {

  private final CacheStatistics statistics;

  public CacheStatisticsMXBeanImpl(CacheStatistics statistics) {
    if (statistics == null) {
      throw new NullPointerException("statistics must not be null");
    }
    this.statistics = statistics;
  }

  @Override
  public void clear() {
    statistics.clear();
  }

  @Override
  public long getCacheHits() {
    return statistics.getHits();
  }

  @Override
  public float getCacheHitPercentage() {
    return statistics.getHitPercentage();
  }

  @Override
  public long getCacheMisses() {
    return statistics.getMisses();
  }

  @Override
  public float getCacheMissPercentage() {
    return statistics.getMissPercentage();
  }

  @Override
  public long getCacheGets() {
    return statistics.getGets();
  }

  @Override
  public long getCachePuts() {
    return statistics.getPuts();
  }

  @Override
  public long getCacheRemovals() {
    return statistics.getRemovals();
  }

  @Override
  public long getCacheEvictions() {
    return statistics.getEvictions();
  }

  @Override
  public float getAverageGetTime() {
    return statistics.getAverageGetTime();
  }

  @Override
  public float getAveragePutTime() {
    return statistics.getAveragePutTime();
  }

  @Override
  public float getAverageRemoveTime() {
    return statistics.getAverageRemoveTime();
  }
}
