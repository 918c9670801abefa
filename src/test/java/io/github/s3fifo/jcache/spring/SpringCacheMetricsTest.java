package io.github.s3fifo.jcache.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Spring Boot's cache metrics: with Micrometer and a {@link MeterRegistry} bean, Boot binds every
 * cache of the {@code JCacheCacheManager} through Micrometer's JCacheMetrics, which reads the
 * statistics MBean under the manager's {@code file:} URI.
 */
class SpringCacheMetricsTest {

  @Configuration(proxyBeanMethods = false)
  static class Registry {
    @Bean
    SimpleMeterRegistry meterRegistry() {
      return new SimpleMeterRegistry();
    }
  }

  @Test
  void bootBindsTheDeclaredCachesAndCountsWhatTheAnnotationsDid() {
    try (ConfigurableApplicationContext context = CachingApplication.builder(
        CachingApplication.CONFIG).sources(Registry.class).run()) {
      BookService service = context.getBean(BookService.class);
      MeterRegistry registry = context.getBean(MeterRegistry.class);

      service.find(1);
      service.find(1);
      service.find(1);
      service.find(2);
      service.forget(1);

      Tags books = Tags.of("cache", BookService.BOOKS, "cache.manager", "cacheManager");
      assertEquals(2.0, count(registry, "cache.gets", books.and("result", "hit")));
      assertEquals(2.0, count(registry, "cache.gets", books.and("result", "miss")));
      assertEquals(2.0, count(registry, "cache.puts", books));
      assertEquals(1.0, count(registry, "cache.removals", books));
      assertEquals(0.0, count(registry, "cache.evictions", books));
      // Every declared cache is bound, not only the one in use.
      assertEquals(0.0, count(registry, "cache.puts",
          Tags.of("cache", BookService.SLOW, "cache.manager", "cacheManager")));
    }
  }

  /** A counter's or a gauge's value. */
  private static double count(MeterRegistry registry, String name, Tags tags) {
    Meter meter = registry.get(name).tags(tags).meter();
    return meter.measure().iterator().next().getValue();
  }
}
