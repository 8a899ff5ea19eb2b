package dev.zengate.gateway.proxy;

import dev.zengate.gateway.config.GatewayConfig;
import dev.zengate.gateway.tls.TlsMaterials;
import io.netty.handler.ssl.SslContext;
import io.netty.util.ReferenceCountUtil;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * A configuration ready to serve: every file read, every TLS context built.
 *
 * @param materials the certificates and trust sets as loaded, for reporting
 * @param version hash of the source, reported in status
 * @param revocation the revocation services the listeners' contexts check with
 */
public record CompiledConfig(
    GatewayConfig config,
    TlsMaterials materials,
    List<ListenerSettings> listeners,
    String version,
    RevocationServices revocation) {

  /**
   * Frees the native memory of this configuration's OpenSSL contexts (a no-op for JDK contexts) and
   * stops its revocation services. Connections still using a context keep it alive through their
   * engines' own references.
   */
  public void release() {
    Map<SslContext, Boolean> distinct = new IdentityHashMap<>();
    for (ListenerSettings listener : listeners) {
      if (listener.downstreamContext() != null) {
        distinct.put(listener.downstreamContext(), true);
      }
      if (listener.upstreamContext() != null) {
        distinct.put(listener.upstreamContext(), true);
      }
    }
    distinct.keySet().forEach(ReferenceCountUtil::release);
    revocation.close();
  }
}
