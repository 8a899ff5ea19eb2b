package dev.zengate.management.interfaces.console;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ConsoleFilterTest {

  @Test
  void everyConsoleAddressGetsTheConsolePage() {
    assertTrue(ConsoleFilter.isConsoleAddress("GET", "/"));
    assertTrue(ConsoleFilter.isConsoleAddress("GET", "/pairs/12"));
    assertTrue(ConsoleFilter.isConsoleAddress("HEAD", "/certificates"));
    assertTrue(ConsoleFilter.isConsoleAddress("GET", "/index.html"));
  }

  @Test
  void theApiFilesAndChangesPassThrough() {
    assertFalse(ConsoleFilter.isConsoleAddress("GET", "/api/pairs"));
    assertFalse(ConsoleFilter.isConsoleAddress("GET", "/api"));
    assertFalse(ConsoleFilter.isConsoleAddress("GET", "/openapi"));
    assertFalse(ConsoleFilter.isConsoleAddress("GET", "/assets/index-abc.js"));
    assertFalse(ConsoleFilter.isConsoleAddress("POST", "/pairs"));
  }

  @Test
  void thePolicyAllowsNoInlineScriptNorFraming() {
    assertFalse(ConsoleFilter.CONTENT_SECURITY_POLICY.contains("unsafe-inline"));
    assertTrue(ConsoleFilter.CONTENT_SECURITY_POLICY.contains("frame-ancestors 'none'"));
  }
}
