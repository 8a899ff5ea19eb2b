package dev.zengate.gateway.testsupport;

import dev.zengate.gateway.tls.JdkLegacyVersions;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Does for the test JVM what the gateway's main does for its process, before any test class loads
 * (registered in META-INF/services): tests start nodes in-process, after JSSE is long initialized.
 */
public final class LegacyVersionsAtLaunch implements LauncherSessionListener {

  @Override
  public void launcherSessionOpened(LauncherSession session) {
    JdkLegacyVersions.leaveToListeners();
  }
}
