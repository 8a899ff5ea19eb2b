package dev.zengate.gateway.tls;

import java.nio.ByteBuffer;
import java.security.Security;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;

/**
 * Lets the JDK provider speak TLS 1.0/1.1 on the listeners that configure them (F14, legacy
 * bridging), and nowhere else.
 *
 * <p>The JDK disables both versions for the whole process in the security property {@code
 * jdk.tls.disabledAlgorithms}, which JSSE reads once, when its classes initialize. The gateway sets
 * the enabled versions explicitly on every SSL context it builds, so dropping the two from that
 * property at process start leaves the decision to each listener's configuration. The JDK's own
 * default contexts (the HTTP clients fetching OCSP answers, CRLs and enrollment) are kept at TLS
 * 1.2+ through {@code jdk.tls.client.protocols} / {@code jdk.tls.server.protocols}, unless the
 * operator set those.
 */
public final class JdkLegacyVersions {

  static final String DISABLED_ALGORITHMS = "jdk.tls.disabledAlgorithms";
  private static final List<String> LEGACY = List.of("TLSv1", "TLSv1.1");
  private static final String MODERN_DEFAULTS = "TLSv1.3,TLSv1.2";

  private static volatile Boolean usable;

  private JdkLegacyVersions() {}

  /** Call first thing in the process, before anything touches JSSE; later calls change nothing. */
  public static void leaveToListeners() {
    String disabled = Security.getProperty(DISABLED_ALGORITHMS);
    if (disabled != null) {
      Security.setProperty(
          DISABLED_ALGORITHMS,
          Arrays.stream(disabled.split(","))
              .map(String::trim)
              .filter(entry -> !LEGACY.contains(entry))
              .collect(Collectors.joining(", ")));
    }
    keepDefault("jdk.tls.client.protocols");
    keepDefault("jdk.tls.server.protocols");
  }

  private static void keepDefault(String property) {
    if (System.getProperty(property) == null) {
      System.setProperty(property, MODERN_DEFAULTS);
    }
  }

  /**
   * Whether this JVM's JSSE lets an engine that enables TLS 1.0 start a handshake: false when JSSE
   * initialized before {@link #leaveToListeners()} ran (embedding, or a launcher other than the
   * gateway's), in which case every TLS 1.0/1.1 handshake would fail. Probed once, in memory.
   */
  public static boolean usable() {
    Boolean known = usable;
    if (known == null) {
      known = probe();
      usable = known;
    }
    return known;
  }

  private static boolean probe() {
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, null, null);
      SSLEngine engine = context.createSSLEngine();
      engine.setUseClientMode(true);
      engine.setEnabledProtocols(new String[] {"TLSv1"});
      // Producing a ClientHello is enough: a disabled version fails here with "No appropriate
      // protocol".
      engine.wrap(
          ByteBuffer.allocate(0), ByteBuffer.allocate(engine.getSession().getPacketBufferSize()));
      return true;
    } catch (SSLException disabled) {
      return false;
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException("the JDK has no TLS SSLContext", e);
    }
  }
}
