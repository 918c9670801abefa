package io.github.s3fifo.jcache.spring;

import org.springframework.boot.Banner;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.cache.annotation.EnableCaching;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.DefaultResourceLoader;

/**
 * A Spring Boot application as users write one: auto-configuration and {@code @EnableCaching},
 * nothing about caches but properties. No component scan, so the other tests' classes stay out.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@EnableCaching
@Import(BookService.class)
public class CachingApplication {

  /** The configuration file of the README's Spring Boot recipe, as its users write it. */
  public static final String CONFIG = "spring.cache.jcache.config="
      + "classpath:spring-test/s3fifo-spring.properties";

  /** Starts the application with these {@code key=value} properties. */
  public static ConfigurableApplicationContext start(String... properties) {
    return start(null, properties);
  }

  /**
   * Starts the application with these properties, its resources and beans loaded by
   * {@code classLoader} (null: this class's).
   */
  public static ConfigurableApplicationContext start(
      ClassLoader classLoader, String... properties) {
    SpringApplicationBuilder builder = builder(properties);
    if (classLoader != null) {
      builder.resourceLoader(new DefaultResourceLoader(classLoader));
    }
    return builder.run();
  }

  /** The application with these properties, ready to run; more sources may be added. */
  public static SpringApplicationBuilder builder(String... properties) {
    // Boot would otherwise reconfigure java.util.logging for the whole test JVM.
    System.setProperty(LoggingSystem.SYSTEM_PROPERTY, LoggingSystem.NONE);
    return new SpringApplicationBuilder(CachingApplication.class)
        .web(WebApplicationType.NONE)
        .bannerMode(Banner.Mode.OFF)
        .logStartupInfo(false)
        .registerShutdownHook(false)
        .properties(properties);
  }
}
