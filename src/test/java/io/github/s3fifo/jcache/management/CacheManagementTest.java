package io.github.s3fifo.jcache.management;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.configuration.CompleteConfiguration;
import javax.cache.configuration.MutableConfiguration;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CacheManagementTest {

  private static final String URI_TEXT = "test:CacheManagementTest";

  private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();
  private final List<CacheManagement> created = new ArrayList<>();

  @AfterEach
  void tearDown() throws Exception {
    created.forEach(CacheManagement::close);
    for (ObjectName name : server.queryNames(new ObjectName("javax.cache:*"), null)) {
      if (name.getKeyProperty("CacheManager").startsWith("test.CacheManagementTest")) {
        server.unregisterMBean(name);
      }
    }
  }

  @Test
  void namesMBeansTheWayTheTckAndMonitoringToolsExpect() throws Exception {
    ObjectName name = CacheManagement.objectName("CacheStatistics", "urn:x:y", "a,b:c=d\ne");
    assertEquals(new ObjectName(
        "javax.cache:type=CacheStatistics,CacheManager=urn.x.y,Cache=a.b.c.d.e"), name);
    assertEquals("urn.x.y", name.getKeyProperty("CacheManager"));

    // Characters an ObjectName value may not hold unquoted are quoted, not rejected.
    ObjectName wild = CacheManagement.objectName("CacheConfiguration", "urn:x", "what?*");
    assertEquals(ObjectName.quote("what?*"), wild.getKeyProperty("Cache"));
    assertFalse(wild.isPattern());
  }

  @Test
  void registersAndUnregistersTheStatisticsBean() {
    CacheStatistics statistics = new CacheStatistics();
    CacheManagement management = management(cache("stats", configuration()), statistics);
    ObjectName name = CacheManagement.objectName("CacheStatistics", URI_TEXT, "stats");

    management.setStatisticsEnabled(true);
    assertTrue(server.isRegistered(name));
    assertTrue(statistics.isEnabled(), "enabling the bean turns the counters on");
    management.setStatisticsEnabled(true); // idempotent
    assertTrue(server.isRegistered(name));

    management.setStatisticsEnabled(false);
    assertFalse(server.isRegistered(name));
    assertFalse(statistics.isEnabled());
    management.setStatisticsEnabled(false); // idempotent
  }

  @Test
  void registersAndUnregistersTheConfigurationBean() {
    CacheManagement management = management(cache("conf", configuration()), new CacheStatistics());
    ObjectName name = CacheManagement.objectName("CacheConfiguration", URI_TEXT, "conf");

    management.setManagementEnabled(true);
    management.setManagementEnabled(true);
    assertTrue(server.isRegistered(name));
    assertEquals(1, server.queryNames(name, null).size());

    management.setManagementEnabled(false);
    assertFalse(server.isRegistered(name));
  }

  @Test
  void closeUnregistersBoth() {
    CacheManagement management = management(cache("closing", configuration()),
        new CacheStatistics());
    management.setStatisticsEnabled(true);
    management.setManagementEnabled(true);

    management.close();
    management.close();

    assertFalse(server.isRegistered(
        CacheManagement.objectName("CacheStatistics", URI_TEXT, "closing")));
    assertFalse(server.isRegistered(
        CacheManagement.objectName("CacheConfiguration", URI_TEXT, "closing")));
  }

  @Test
  void aNewCacheOfTheSameNameTakesOverAndTheStaleOneCannotRemoveIt() throws Exception {
    CacheStatistics staleCounters = new CacheStatistics();
    CacheManagement stale = management(cache("shared", configuration()), staleCounters);
    stale.setStatisticsEnabled(true);

    CacheStatistics currentCounters = new CacheStatistics();
    CacheManagement current = management(cache("shared", configuration()), currentCounters);
    current.setStatisticsEnabled(true);
    currentCounters.recordPuts(3);
    ObjectName name = CacheManagement.objectName("CacheStatistics", URI_TEXT, "shared");
    assertEquals(3L, server.getAttribute(name, "CachePuts"), "the bean is the newer cache's");
    assertFalse(stale.isRegistered("CacheStatistics"));
    assertTrue(current.isRegistered("CacheStatistics"));

    stale.close();
    stale.setStatisticsEnabled(false);
    assertTrue(server.isRegistered(name));
    assertEquals(3L, server.getAttribute(name, "CachePuts"));

    current.close();
    assertFalse(server.isRegistered(name));
  }

  @Test
  void replacesABeanLeftBehindBySomeoneElse() throws Exception {
    ObjectName name = CacheManagement.objectName("CacheStatistics", URI_TEXT, "foreign");
    server.registerMBean(new CacheStatisticsMXBeanImpl(new CacheStatistics()), name);

    CacheStatistics counters = new CacheStatistics();
    CacheManagement management = management(cache("foreign", configuration()), counters);
    management.setStatisticsEnabled(true);
    counters.recordHits(2);

    assertEquals(2L, server.getAttribute(name, "CacheHits"));
  }

  @Test
  void theConfigurationBeanReadsTheLiveConfiguration() throws Exception {
    MutableConfiguration<String, Long> configuration = new MutableConfiguration<String, Long>()
        .setTypes(String.class, Long.class).setReadThrough(true).setStoreByValue(false);
    CacheManagement management = management(cache("live", configuration),
        new CacheStatistics());
    management.setManagementEnabled(true);
    ObjectName name = CacheManagement.objectName("CacheConfiguration", URI_TEXT, "live");

    assertEquals("java.lang.String", server.getAttribute(name, "KeyType"));
    assertEquals("java.lang.Long", server.getAttribute(name, "ValueType"));
    assertEquals(true, server.getAttribute(name, "ReadThrough"));
    assertEquals(false, server.getAttribute(name, "WriteThrough"));
    assertEquals(false, server.getAttribute(name, "StoreByValue"));
    assertEquals(false, server.getAttribute(name, "StatisticsEnabled"));

    configuration.setStatisticsEnabled(true).setManagementEnabled(true);
    assertEquals(true, server.getAttribute(name, "StatisticsEnabled"));
    assertEquals(true, server.getAttribute(name, "ManagementEnabled"));
  }

  @Test
  void theStatisticsBeanReadsAndClearsTheCounters() throws Exception {
    long[] storeEvictions = {10};
    CacheStatistics counters = new CacheStatistics(() -> storeEvictions[0]);
    CacheManagement management = management(cache("counted", configuration()), counters);
    management.setStatisticsEnabled(true);
    counters.recordHits(3);
    counters.recordMisses(1);
    counters.recordPuts(5);
    counters.recordRemovals(2);
    storeEvictions[0] += 4;
    counters.recordGetTime(8_000);
    ObjectName name = CacheManagement.objectName("CacheStatistics", URI_TEXT, "counted");

    assertEquals(3L, server.getAttribute(name, "CacheHits"));
    assertEquals(1L, server.getAttribute(name, "CacheMisses"));
    assertEquals(4L, server.getAttribute(name, "CacheGets"));
    assertEquals(5L, server.getAttribute(name, "CachePuts"));
    assertEquals(2L, server.getAttribute(name, "CacheRemovals"));
    assertEquals(4L, server.getAttribute(name, "CacheEvictions"));
    assertEquals(75f, server.getAttribute(name, "CacheHitPercentage"));
    assertEquals(25f, server.getAttribute(name, "CacheMissPercentage"));
    assertEquals(2f, server.getAttribute(name, "AverageGetTime"));

    server.invoke(name, "clear", null, null);

    assertEquals(0L, server.getAttribute(name, "CacheHits"));
    assertEquals(0L, server.getAttribute(name, "CacheGets"));
    assertEquals(0L, server.getAttribute(name, "CacheEvictions"));
    assertEquals(0f, server.getAttribute(name, "AverageGetTime"));
  }

  @Test
  void rejectsNulls() {
    assertThrows(NullPointerException.class, () -> new CacheManagement(null,
        new CacheStatistics()));
    assertThrows(NullPointerException.class,
        () -> new CacheManagement(cache("x", configuration()), null));
  }

  private CacheManagement management(Cache<?, ?> cache, CacheStatistics statistics) {
    CacheManagement management = new CacheManagement(cache, statistics);
    created.add(management);
    return management;
  }

  private static MutableConfiguration<Object, Object> configuration() {
    return new MutableConfiguration<>();
  }

  @SuppressWarnings("unchecked")
  private static Cache<?, ?> cache(String name, CompleteConfiguration<?, ?> configuration) {
    CacheManager manager = mock(CacheManager.class);
    when(manager.getURI()).thenReturn(URI.create(URI_TEXT));
    Cache<Object, Object> cache = mock(Cache.class);
    when(cache.getName()).thenReturn(name);
    when(cache.getCacheManager()).thenReturn(manager);
    when(cache.getConfiguration(CompleteConfiguration.class))
        .thenReturn((CompleteConfiguration<Object, Object>) configuration);
    return cache;
  }
}
